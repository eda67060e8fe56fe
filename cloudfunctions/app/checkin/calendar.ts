import * as z from 'zod';
import { checkedDays } from '../../core/calendar';
import { dayOf } from '../../core/days';
import { currentStreak } from '../../core/streak';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import { calendarInput } from './inputs';

/** The days of a month the caller checked in (the last 13 months are kept), for the calendar marks. */
export async function calendar(input: z.output<typeof calendarInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, input.communityId, caller.openid);
  return { days: checkedDays(member.checkinMonths, input.month), streak: currentStreak(member, dayOf(caller.now, community.timezone)) };
}
