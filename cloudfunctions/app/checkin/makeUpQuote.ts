import type * as z from 'zod';
import { markCheckin } from '../../core/calendar';
import { dayOf, monthKey } from '../../core/days';
import { DomainError } from '../../core/errors';
import { checkMakeUp, currentStreak, makeUpsUsed, streakAfterMakeUp } from '../../core/streak';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { makeUpQuoteInput } from './inputs';

/**
 * Before a make-up: what it would cost and the streak it would restore, or why it cannot be —
 * the same rules checkin.makeUp applies, on the member's whole calendar, so the confirmation
 * shows the truth (a run may reach back into last month).
 */
export async function makeUpQuote(input: z.output<typeof makeUpQuoteInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, input.communityId, caller.openid);
  const today = dayOf(caller.now, community.timezone);
  const rule = community.rules.makeUp;
  const usedThisMonth = makeUpsUsed(member.makeUps, monthKey(today));
  let problem: string | null = member.banned ? '你已被群主暂停参与积分活动' : null;
  try {
    checkMakeUp({
      day: input.day,
      today,
      joinedDay: dayOf(new Date(member.joinedAt), community.timezone),
      months: member.checkinMonths,
      usedThisMonth,
      rule,
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problem ??= error.message;
  }
  if (!problem && member.balance < rule.cost) problem = `积分不足：补签要 ${rule.cost} 分，你有 ${member.balance} 分`;
  const streak = problem
    ? currentStreak(member, today)
    : currentStreak(streakAfterMakeUp(markCheckin(member.checkinMonths, input.day), member, input.day), today);
  return {
    day: input.day,
    cost: rule.cost,
    streak,
    leftThisMonth: Math.max(0, rule.perMonth - usedThisMonth),
    balance: member.balance,
    problem,
  };
}
