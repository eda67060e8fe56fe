import type { ActivityMark } from './activity';
import type { EntryKind } from './ledger';

/** One community day as stats.overview shows it (API.md "Community health"). */
export interface DayNumbers {
  activeMembers: number;
  newMembers: number;
  checkins: number;
  pointsIssued: number;
  pointsSpent: number;
  pointsExpired: number;
  pointsReversed: number;
  posts: number;
  answers: number;
  referralsRewarded: number;
}

export const EMPTY_DAY: DayNumbers = {
  activeMembers: 0,
  newMembers: 0,
  checkins: 0,
  pointsIssued: 0,
  pointsSpent: 0,
  pointsExpired: 0,
  pointsReversed: 0,
  posts: 0,
  answers: 0,
  referralsRewarded: 0,
};

export type PointsTotals = Pick<DayNumbers, 'pointsIssued' | 'pointsSpent' | 'pointsExpired' | 'pointsReversed'>;

/**
 * What one ledger entry adds to its day, by API.md's definitions: issued = earn and positive
 * adjust deltas; spent = −spend − refund deltas; expired = −expire deltas; reversed = −reverse
 * and −(negative adjust) deltas. The day's check-in entry counts a check-in; the entry that
 * carries the day's activity mark counts an active member.
 */
export function entryCounts(entry: { id: string; kind: EntryKind; delta: number; active?: ActivityMark }): Partial<DayNumbers> {
  const counts: Partial<DayNumbers> = {};
  const { kind, delta } = entry;
  if (kind === 'earn' || (kind === 'adjust' && delta > 0)) counts.pointsIssued = delta;
  if (kind === 'spend' || kind === 'refund') counts.pointsSpent = -delta;
  if (kind === 'expire') counts.pointsExpired = -delta;
  if (kind === 'reverse' || (kind === 'adjust' && delta < 0)) counts.pointsReversed = -delta;
  if (kind === 'earn' && entry.id.startsWith('checkin:')) counts.checkins = 1;
  if (entry.active) counts.activeMembers = 1;
  return counts;
}

/** What one event (a record the ledger does not show) adds to its day. */
export function eventCounts(event: {
  kind: 'post' | 'answer' | 'referral' | 'checkin' | 'active';
  active?: ActivityMark;
}): Partial<DayNumbers> {
  const counts: Partial<DayNumbers> = {};
  if (event.kind === 'post') counts.posts = 1;
  if (event.kind === 'answer') counts.answers = 1;
  if (event.kind === 'referral') counts.referralsRewarded = 1;
  if (event.kind === 'checkin') counts.checkins = 1;
  if (event.active) counts.activeMembers = 1;
  return counts;
}

export function addCounts<T extends Partial<DayNumbers>>(to: T, more: Partial<DayNumbers>): T {
  const sum: Record<string, number> = { ...(to as Record<string, number>) };
  for (const [key, value] of Object.entries(more)) sum[key] = (sum[key] ?? 0) + (value ?? 0);
  return sum as T;
}

/** Points still held by members: over a community's whole life, the sum of all balances. */
export const liabilityOf = (t: PointsTotals): number => t.pointsIssued - t.pointsSpent - t.pointsExpired - t.pointsReversed;

/** pointsSpent / pointsIssued, to 4 decimals; 0 when nothing was issued. */
export const burnRate = (spent: number, issued: number): number => (issued > 0 ? Math.round((spent / issued) * 10_000) / 10_000 : 0);

/** "YYYY-MM" of the month before. */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** "YYYY-MM" of the month after. */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The retention an activity mark on `day` records: its member's cohort is retained when this is
 * their first active day in the month right after the one they joined in.
 */
export function retainedCohort(mark: ActivityMark, day: string): string | null {
  return mark.firstInMonth && mark.cohort === previousMonth(day.slice(0, 7)) ? mark.cohort : null;
}
