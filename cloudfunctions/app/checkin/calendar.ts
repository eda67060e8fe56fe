import * as z from 'zod';
import { checkedDays } from '../../core/calendar';
import { dayOf, monthKey } from '../../core/days';
import { currentStreak, makeUpsUsed } from '../../core/streak';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { calendarInput } from './inputs';

/** The days of a month the caller checked in (the last 13 months are kept) and which were made up, for the calendar marks, and what a make-up costs. */
export async function calendar(input: z.output<typeof calendarInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, input.communityId, caller.openid);
  const today = dayOf(caller.now, community.timezone);
  const rule = community.rules.makeUp;
  const used = makeUpsUsed(member.makeUps, monthKey(today));
  return {
    days: checkedDays(member.checkinMonths, input.month),
    streak: currentStreak(member, today),
    madeUp: checkedDays(member.madeUpMonths, input.month),
    makeUp: { cost: rule.cost, withinDays: rule.withinDays, leftThisMonth: Math.max(0, rule.perMonth - used) },
  };
}
