import type * as z from 'zod';
import { markCheckin } from '../../core/calendar';
import { dayOf, monthKey } from '../../core/days';
import { checkMakeUp, currentStreak, makeUpsUsed, streakAfterMakeUp } from '../../core/streak';
import type { Caller, Deps } from '../kernel/context';
import { loadCommunity, activeMemberIn } from '../kernel/access';
import { ids } from '../kernel/documents';
import { recordActivity } from '../kernel/activity';
import { once } from '../kernel/idempotency';
import { postingTime } from '../kernel/ledgerWrites';
import { makeUpInput } from './inputs';

/**
 * 补签: a member buys back a missed day for makeUp.cost points. The day is marked in the
 * calendar (and among the made-up days) and joins the streak, but earns nothing: streak bonuses
 * are paid only by real check-ins. One transaction with the member's spending, so a day is made
 * up once however requests race (the second finds it marked), and the month's allowance holds.
 */
export async function makeUp(input: z.output<typeof makeUpInput>, caller: Caller, { store }: Deps) {
  const community = await loadCommunity(store, input.communityId);
  const today = dayOf(caller.now, community.timezone);
  const rule = community.rules.makeUp;
  const month = monthKey(today);

  return store.transaction((tx) =>
    once(
      tx,
      {
        openid: caller.openid,
        requestId: input.requestId,
        params: { action: 'checkin.makeUp', communityId: input.communityId, day: input.day },
        now: caller.now,
      },
      async () => {
        const member = await activeMemberIn(tx, input.communityId, caller.openid);
        const usedThisMonth = makeUpsUsed(member.makeUps, month);
        checkMakeUp({
          day: input.day,
          today,
          joinedDay: dayOf(new Date(member.joinedAt), community.timezone),
          months: member.checkinMonths,
          usedThisMonth,
          rule,
        });
        const checkinMonths = markCheckin(member.checkinMonths, input.day);
        const streak = streakAfterMakeUp(checkinMonths, member, input.day);
        const { account } = await recordActivity(tx, member, postingTime(community, caller.now, today), {
          postings: [
            {
              id: ids.ledger('makeup', input.communityId, caller.openid, input.day),
              kind: 'spend',
              delta: -rule.cost,
              reason: `补签 ${input.day}`,
              refId: ids.checkin(input.communityId, caller.openid, input.day),
            },
          ],
          extra: {
            ...streak,
            checkinMonths,
            madeUpMonths: markCheckin(member.madeUpMonths, input.day),
            makeUps: { month, count: usedThisMonth + 1 },
          },
        });
        return { day: input.day, cost: rule.cost, streak: currentStreak(streak, today), balance: account.balance };
      },
    ),
  );
}
