import * as z from 'zod';
import { dayOf, MONTH_PATTERN, monthRange } from '../../core/days';
import { currentStreak } from '../../core/streak';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import type { CheckinDoc } from '../documents';
import { communityId } from '../schemas';

export const calendarInput = z.object({
  communityId,
  month: z.string({ error: 'month 必须是 YYYY-MM' }).regex(MONTH_PATTERN, 'month 必须是 YYYY-MM'),
});

/** The days of a month the caller checked in, for the calendar marks. */
export async function calendar(input: z.output<typeof calendarInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, input.communityId, caller.openid);
  const { first, last } = monthRange(input.month);
  const rows = await store.find<CheckinDoc>('checkins', {
    where: { communityId: input.communityId, openid: caller.openid, day: { gte: first, lte: last } },
    orderBy: [['day', 'asc']],
    limit: 31,
  });
  return { days: rows.map((row) => row.day), streak: currentStreak(member, dayOf(caller.now, community.timezone)) };
}
