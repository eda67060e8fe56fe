import type * as z from 'zod';
import { markCheckin } from '../../core/calendar';
import { dayOf } from '../../core/days';
import { refuse } from '../../core/errors';
import { checkedInOn } from '../../core/streak';
import { checkinPay } from './checkinPay';
import type { Caller, Deps } from '../kernel/context';
import { loadCommunity, activeMemberIn } from '../kernel/access';
import { ids } from '../kernel/documents';
import { recordActivity } from '../kernel/activity';
import { engagementContext, engagementOf } from '../kernel/engagement';
import { postingTime } from '../kernel/ledgerWrites';
import { settleReferral } from '../referral/settleReferral';
import { checkInInput } from './inputs';

/**
 * Once per community day: the day's points (times the tier's and the best campaign's
 * multiplier), on every streakDays-th consecutive day the streak bonus, and what the day unlocks
 * (a birthday gift, a win-back bonus, a task, a badge, a challenge). One transaction: read the
 * member, write the entries and the member (balance, streak, calendar mark, activity, progress)
 * and, when something was unlocked, one notice — three document operations, one more per extra
 * entry and one for the notice. The member's last check-in day and the day's entry are written
 * together, so the day alone says whether it is done, and racing taps credit a day once; the
 * entry's id is the day as well, so nothing could credit a day twice (a create on a taken id
 * fails the transaction). A day before the last check-in day (a clock a moment behind another
 * instance's at midnight) is refused, so the streak only moves forward. A newcomer's pending
 * invitation is settled after it, in its own transaction.
 */
export async function checkIn({ communityId }: z.output<typeof checkInInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const community = await loadCommunity(store, communityId);
  const today = dayOf(caller.now, community.timezone);
  const checkinId = ids.checkin(communityId, caller.openid, today);
  const ledgerKey = (kind: string) => ids.ledger(kind, communityId, caller.openid, today);
  const ctx = engagementContext(community, caller.now, today);

  const { referralPending, ...checkedIn } = await store.transaction(async (tx) => {
    const member = await activeMemberIn(tx, communityId, caller.openid);
    if (checkedInOn(member, today)) refuse('ALREADY_DONE', '今天已经签到过了，明天再来');

    // The member's own: a rules pilot may pay them other numbers than the community's.
    const { streak, bonus, daily } = checkinPay(member, ctx);
    const engaged = engagementOf(member, { gains: { checkins: 1 }, earned: daily.points + bonus, checkin: { streak } }, ctx, checkinId);
    const { account } = await recordActivity(tx, member, postingTime(community, caller.now, today), {
      postings: [
        {
          id: ledgerKey('checkin'),
          kind: 'earn',
          delta: daily.points,
          reason: '每日签到',
          refId: checkinId,
          ...(daily.detail ? { detail: daily.detail } : {}),
        },
        { id: ledgerKey('streak'), kind: 'earn', delta: bonus, reason: `连续签到 ${streak} 天奖励`, refId: checkinId },
        ...engaged.postings,
      ],
      extra: { streak, lastCheckinDay: today, checkinMonths: markCheckin(member.checkinMonths, today), ...engaged.changes },
      // A check-in whose day pays nothing leaves no check-in entry: the rollup counts it by this.
      event: daily.points === 0 ? { kind: 'checkin', id: ids.event('checkin', checkinId) } : undefined,
    });
    await engaged.notify(tx);
    const extras = engaged.postings.filter((p) => p.delta > 0).map((p) => ({ reason: p.reason, points: p.delta }));
    return {
      awarded: daily.points,
      bonus,
      streak,
      balance: account.balance,
      ...(daily.detail ? { multiplier: daily.detail.multiplier } : {}),
      ...(extras.length ? { extras } : {}),
      referralPending: Boolean(member.referralPending),
    };
  });
  // A newcomer's first check-in is the real activity an invitation waits for.
  const referral = referralPending ? await settleReferral(community, caller, deps) : null;
  return referral ? { ...checkedIn, referralBonus: referral.awarded, balance: referral.balance } : checkedIn;
}
