import type * as z from 'zod';
import { addDays, dayOf } from '../../core/days';
import { reviewTier } from '../../core/tiers';
import type { Caller, Deps } from '../kernel/context';
import { tierReviewKey } from '../kernel/ledgerWrites';
import { writeNotice } from '../notices/notify';
import { timeLeft } from './budget';
import { communitiesOnce, settleDue } from './dueMembers';
import { reviewTiersInput } from './inputs';

/**
 * Daily, for rolling tiers (保级): each member due — their window falls short today, or their
 * grace period ends — is reviewed in their own transaction (core reviewTier): warned with the
 * day they must keep the tier by, moved down one tier on that day, or found safe again. Members
 * are found by `tierReviewKey`, which starts with the day they are due, so a run reads only who
 * is due and resumes where the last one stopped (a reviewed member's key moves on).
 */
export async function reviewTiers(_input: z.output<typeof reviewTiersInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const hasTime = timeLeft(deps);
  const communityOf = communitiesOnce(deps);
  // A key's day is the member's community day; no time zone is more than a day ahead of UTC.
  const dueBefore = addDays(dayOf(caller.now, 'UTC'), 2);
  const tally = { reviewed: 0, warned: 0, demoted: 0 };
  const { more } = await settleDue(
    deps,
    { where: { tierReviewKey: { lt: dueBefore } }, by: 'tierReviewKey' },
    hasTime,
    async (memberId) => {
      const outcome = await store.transaction(async (tx) => {
        const member = await tx.get('members', memberId);
        const community = member && (await communityOf(member.communityId));
        if (!member || !community) return null;
        const today = dayOf(caller.now, community.timezone);
        if (community.rules.tierRetention.mode !== 'rolling') {
          await tx.update('members', memberId, { tierReviewOn: null, tierKeepBy: null, tierReviewKey: tierReviewKey(null, member) });
          return 'safe';
        }
        if (!member.tierReviewOn || member.tierReviewOn > today) return null;
        const { changes, outcome } = reviewTier(member, community.rules, today);
        await tx.update('members', memberId, { ...changes, tierReviewKey: tierReviewKey(changes.tierReviewOn, member) });
        const { windowDays } = community.rules.tierRetention;
        if (outcome === 'warned') {
          const minPoints = community.rules.tiers.find((t) => t.name === changes.tierHeld)?.minPoints ?? 0;
          await writeNotice(
            tx,
            {
              communityId: member.communityId,
              openid: member.openid,
              kind: 'tier_keep',
              refId: `${memberId}:${changes.tierKeepBy}`,
              title: `保级提醒：「${changes.tierHeld}」`,
              body: `${changes.tierKeepBy} 前，近 ${windowDays} 天累计获得 ${minPoints} 积分即可保住「${changes.tierHeld}」`,
              points: 0,
            },
            caller.now,
          );
        }
        if (outcome === 'demoted') {
          await writeNotice(
            tx,
            {
              communityId: member.communityId,
              openid: member.openid,
              kind: 'tier_down',
              refId: `${memberId}:${today}`,
              title: `等级调整为「${changes.tierHeld}」`,
              body: `近 ${windowDays} 天获得的积分不足以保级；继续签到、分享可以再升回来`,
              points: 0,
            },
            caller.now,
          );
        }
        return outcome;
      });
      if (!outcome) return false;
      tally.reviewed += 1;
      if (outcome === 'warned') tally.warned += 1;
      if (outcome === 'demoted') tally.demoted += 1;
      return true;
    },
  );
  return { ...tally, more };
}
