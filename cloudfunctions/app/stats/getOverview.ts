import * as z from 'zod';
import { addDays, dayOf, monthKey } from '../../core/days';
import { STAFF } from '../../core/roles';
import { addCounts, burnRate, EMPTY_DAY, liabilityOf, previousMonth, type PointsTotals } from '../../core/stats';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { emptyStats } from '../jobs/rollupStats';
import { overviewInput } from './inputs';
import type { Overview } from '../../contract/views';

const COHORTS = 6;

/**
 * The community's health over the last 7, 30 or 90 days, as of the last rollup: one document of
 * numbers and at most 90 day documents, whatever the community's size.
 */
export async function getOverview(input: z.output<typeof overviewInput>, caller: Caller, { store }: Deps): Promise<Overview> {
  const { community } = await requireMember(store, input.communityId, caller.openid, STAFF);
  const today = dayOf(caller.now, community.timezone);
  const first = addDays(today, -(input.days - 1));
  const [stats, rows] = await Promise.all([
    store.get('stats', input.communityId),
    store.find('statsDays', {
      where: { communityId: input.communityId, day: { gte: first, lte: today } },
      orderBy: [['day', 'asc']],
      limit: input.days,
    }),
  ]);
  const kept = stats ?? emptyStats(input.communityId);
  const byDay = new Map(rows.map(({ _id, communityId: _c, ...numbers }) => [numbers.day, numbers]));
  const days = Array.from({ length: input.days }, (_, i) => addDays(first, i)).map((day) => ({ ...EMPTY_DAY, ...byDay.get(day), day }));
  const window = days.reduce<PointsTotals>(
    (sum, { pointsIssued, pointsSpent, pointsExpired, pointsReversed }) =>
      addCounts(sum, { pointsIssued, pointsSpent, pointsExpired, pointsReversed }),
    { pointsIssued: 0, pointsSpent: 0, pointsExpired: 0, pointsReversed: 0 },
  );
  const cohorts = [previousMonth(monthKey(today))];
  while (cohorts.length < COHORTS) cohorts.unshift(previousMonth(cohorts[0]));
  return {
    asOf: kept.asOf,
    days,
    totals: {
      members: kept.members,
      activeMembers: input.days === 7 ? kept.active.d7 : input.days === 30 ? kept.active.d30 : kept.active.d90,
      ...window,
      liability: liabilityOf(kept.totals),
      burnRate: burnRate(window.pointsSpent, window.pointsIssued),
    },
    tiers: kept.tiers.length ? kept.tiers : community.rules.tiers.map((tier) => ({ name: tier.name, members: 0 })),
    retention: cohorts.map((cohort) => ({
      cohort,
      joined: kept.cohorts[cohort]?.joined ?? 0,
      retained: kept.cohorts[cohort]?.retained ?? 0,
    })),
  };
}
