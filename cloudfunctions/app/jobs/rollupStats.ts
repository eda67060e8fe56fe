import * as z from 'zod';
import { SEGMENTS, segmentRanges } from '../../core/activity';
import { addDays, dayOf, monthKey, startOfDay, type Day } from '../../core/days';
import {
  addCounts,
  EMPTY_DAY,
  entryCounts,
  eventCounts,
  nextMonth,
  previousMonth,
  retainedCohort,
  type DayNumbers,
  type PointsTotals,
} from '../../core/stats';
import { withDefaults } from '../../core/rules';
import type { Caller, Deps } from '../kernel/context';
import type { ActivityDoc, AppStore, Collections, Found, LedgerDoc } from '../kernel/documents';
import type { CommunityDoc, MemberDoc } from '../community/documents';
import type { StatsDoc } from '../stats/documents';
import type { Query } from '../../store/port';
import { segmentWhere } from '../kernel/activity';
import { timeLeft } from './budget';
import { allLimited } from '../kernel/calls';
import { rollupStatsInput } from './inputs';

/** Records read per query, and communities per page of the community list. */
const PAGE = 200;
const COMMUNITIES = 100;
/**
 * A record is counted once its stamp is this old: a transaction commits within a cloud
 * function's 60 s limit of the clock reading it stamps, so nothing older can still arrive.
 */
export const SETTLE_MS = 2 * 60_000;
/** Days back the rollup recounts a day's newcomers when it has not run for a while. */
const CATCH_UP_DAYS = 90;
/** Cohorts kept: the retention chart shows the last 6; a year is plenty to look back on. */
const COHORT_MONTHS = 13;

export const emptyStats = (communityId: string): StatsDoc => ({
  communityId,
  ledgerAfter: '',
  activityAfter: '',
  asOf: null,
  totals: { pointsIssued: 0, pointsSpent: 0, pointsExpired: 0, pointsReversed: 0 },
  members: 0,
  active: { d7: 0, d30: 0, d90: 0 },
  tiers: [],
  segments: [],
  cohorts: {},
});

/**
 * Brings every community's health numbers up to `now` (API.md "Community health"). It is
 * incremental: it reads each ledger entry and each event once, in time order, from where the
 * last run stopped — the stream positions live in the community's `stats` document and move in
 * the same transaction as the day numbers they add to, so a second or concurrent run counts
 * nothing twice. What a member is now (tier, segment, active in a window) is counted by the
 * database over indexes, reading no documents. Runs within its time budget and says `more`
 * when it stopped with work left; the next trigger goes on. Only this job writes `stats` and
 * `statsDays`: no member's transaction touches a per-community document.
 */
export async function rollupStats(_input: z.output<typeof rollupStatsInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const hasTime = timeLeft(deps);
  const watermark = new Date(caller.now.getTime() - SETTLE_MS).toISOString();
  let communities = 0;
  let records = 0;
  for (let after = ''; ;) {
    const page = await store.find('communities', {
      where: { _id: { gt: after } },
      orderBy: [['_id', 'asc']],
      limit: COMMUNITIES,
      fields: ['timezone', 'rules', 'createdAt'],
    });
    for (const community of page) {
      const done = await rollupCommunity(store, community, { watermark, now: caller.now, hasTime });
      records += done.records;
      if (!done.finished) return { communities, records, more: true };
      communities += 1;
    }
    if (page.length < COMMUNITIES) return { communities, records, more: false };
    after = page.at(-1)!._id;
  }
}

type CommunityFacts = Found<Pick<CommunityDoc, 'timezone' | 'rules' | 'createdAt'>>;
interface Run {
  watermark: string;
  now: Date;
  hasTime: () => boolean;
}

async function rollupCommunity(store: AppStore, community: CommunityFacts, run: Run): Promise<{ records: number; finished: boolean }> {
  const id = community._id;
  let records = 0;
  const ledger = await follow(store, id, 'ledger', run, (entry) => ({ day: entry.day, counts: entryCounts(entry), active: entry.active }));
  records += ledger.records;
  if (!ledger.finished) return { records, finished: false };
  const events = await follow(store, id, 'activity', run, (event) => ({
    day: event.day,
    counts: eventCounts(event),
    active: event.active,
  }));
  records += events.records;
  if (!events.finished || !run.hasTime()) return { records, finished: false };
  await countMembers(store, community, run.now);
  return { records, finished: true };
}

type Counted = { day: Day; counts: Partial<DayNumbers>; active?: { cohort: string; firstInMonth: boolean } };
/** The two streams the rollup follows, each in `timeKey` order. */
type Streams = { ledger: LedgerDoc; activity: ActivityDoc };

/**
 * Follows one stream (the ledger, or the events) from the community's position in it, a page
 * at a time: the page's numbers are added to their days, its points to the lifetime totals and
 * its retention to the cohorts, and the position moves past it — all in one transaction that
 * first checks the position is still where this page began.
 */
async function follow<K extends keyof Streams>(
  store: AppStore,
  communityId: string,
  stream: K,
  run: Run,
  countOf: (record: Found<Streams[K]>) => Counted,
): Promise<{ records: number; finished: boolean }> {
  const position = stream === 'ledger' ? 'ledgerAfter' : 'activityAfter';
  let records = 0;
  for (;;) {
    if (!run.hasTime()) return { records, finished: false };
    const after = (await store.get('stats', communityId))?.[position] ?? '';
    const query = {
      where: { communityId, timeKey: { gt: after, lt: run.watermark } },
      orderBy: [['timeKey', 'asc']],
      limit: PAGE,
    } as Query<Collections[K]>;
    // Both streams have communityId and timeKey; the query is the same for either.
    const page = (await store.find(stream, query)) as unknown as Array<Found<Streams[K]>>;
    if (page.length === 0) return { records, finished: true };

    const days = new Map<Day, Partial<DayNumbers>>();
    let points: Partial<PointsTotals> = {};
    const retained = new Map<string, number>();
    for (const record of page) {
      const { day, counts, active } = countOf(record);
      days.set(day, addCounts(days.get(day) ?? {}, counts));
      const { pointsIssued = 0, pointsSpent = 0, pointsExpired = 0, pointsReversed = 0 } = counts;
      points = addCounts(points, { pointsIssued, pointsSpent, pointsExpired, pointsReversed });
      const cohort = active && retainedCohort(active, day);
      if (cohort) retained.set(cohort, (retained.get(cohort) ?? 0) + 1);
    }
    const last = page.at(-1)!.timeKey;
    const moved = await store.transaction(async (tx) => {
      const stats = (await tx.get('stats', communityId)) ?? emptyStats(communityId);
      // Another run counted this page first.
      if (stats[position] !== after) return false;
      for (const [day, counts] of days) {
        const dayId = `${communityId}:${day}`;
        const current = await tx.get('statsDays', dayId);
        await tx.set('statsDays', dayId, { ...addCounts(stripId(current ?? emptyDay(communityId, day)), counts), communityId, day });
      }
      const cohorts = { ...stats.cohorts };
      for (const [cohort, n] of retained)
        cohorts[cohort] = { joined: cohorts[cohort]?.joined ?? 0, retained: (cohorts[cohort]?.retained ?? 0) + n };
      await tx.set('stats', communityId, { ...stripId(stats), [position]: last, totals: addCounts(stats.totals, points), cohorts });
      return true;
    });
    if (moved) records += page.length;
  }
}

const emptyDay = (communityId: string, day: Day) => ({ ...EMPTY_DAY, communityId, day });

/**
 * What members are now, counted over indexes: how many, active in each window, in each tier and
 * segment, joined each day since the last count and in each recent month.
 */
async function countMembers(store: AppStore, community: CommunityFacts, now: Date): Promise<void> {
  const communityId = community._id;
  const tz = community.timezone;
  const today = dayOf(now, tz);
  const count = (where: Query<MemberDoc>['where']) => store.count('members', { communityId, ...where });
  const joinedBetween = (from: Day, to: Day) => ({
    sortKey: { gte: startOfDay(from, tz).toISOString(), lt: startOfDay(to, tz).toISOString() },
  });
  const activeSince = (days: number): Query<MemberDoc>['where'] => ({ activeKey: { gte: addDays(today, -(days - 1)) } });

  const tiers = withDefaults(community.rules).tiers;
  const previous = await store.get('stats', communityId);
  const firstDay = previous?.asOf ? dayOf(new Date(previous.asOf), tz) : dayOf(new Date(community.createdAt), tz);
  const recount: Day[] = [];
  for (let day = firstDay < addDays(today, -CATCH_UP_DAYS) ? addDays(today, -CATCH_UP_DAYS) : firstDay; day <= today; day = addDays(day, 1))
    recount.push(day);
  const months = [monthKey(today)];
  while (months.length < COHORT_MONTHS) months.unshift(previousMonth(months[0]));
  // A month's joins are final once it is over: count the ones not counted since it ended.
  const recountMonths = months.filter((month) => !previous?.cohorts[month] || month >= firstDay.slice(0, 7));

  // Up to ~120 counts when catching up: a few at a time (app/calls.ts), never all at once.
  const queries: Array<Query<MemberDoc>['where']> = [
    {},
    ...[7, 30, 90].map(activeSince),
    ...tiers.map((tier, i) => ({ earnedTotal: { gte: tier.minPoints, ...(tiers[i + 1] ? { lt: tiers[i + 1].minPoints } : {}) } })),
    ...SEGMENTS.map((segment) => segmentWhere(segmentRanges(segment.key, today), tz)),
    ...recount.map((day) => joinedBetween(day, addDays(day, 1))),
    ...recountMonths.map((month) => joinedBetween(`${month}-01`, `${nextMonth(month)}-01`)),
  ];
  const counted = await allLimited(queries.map((where) => () => count(where)));
  const take = (n: number) => counted.splice(0, n);
  const [[members], [d7, d30, d90], tierCounts, segmentCounts, joinedByDay, joinedByMonth] = [
    take(1),
    take(3),
    take(tiers.length),
    take(SEGMENTS.length),
    take(recount.length),
    take(recountMonths.length),
  ];

  await store.transaction(async (tx) => {
    const stats = (await tx.get('stats', communityId)) ?? emptyStats(communityId);
    for (const [i, day] of recount.entries()) {
      const dayId = `${communityId}:${day}`;
      const current = (await tx.get('statsDays', dayId)) ?? emptyDay(communityId, day);
      if (current.newMembers !== joinedByDay[i]) await tx.set('statsDays', dayId, { ...stripId(current), newMembers: joinedByDay[i] });
    }
    const joined = new Map(recountMonths.map((month, i) => [month, joinedByMonth[i]]));
    const cohorts = Object.fromEntries(
      months.map((month) => [
        month,
        { joined: joined.get(month) ?? stats.cohorts[month]?.joined ?? 0, retained: stats.cohorts[month]?.retained ?? 0 },
      ]),
    );
    await tx.set('stats', communityId, {
      ...stripId(stats),
      asOf: now.toISOString(),
      members,
      active: { d7, d30, d90 },
      tiers: tiers.map((tier, i) => ({ name: tier.name, members: tierCounts[i] })),
      segments: SEGMENTS.map((segment, i) => ({ key: segment.key, name: segment.name, members: segmentCounts[i] })),
      cohorts,
    });
  });
}

function stripId<T extends object>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc as T & { _id?: string };
  return rest;
}
