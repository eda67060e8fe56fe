/** Stored documents of the area (the collections are listed in kernel/documents.ts). Community health: the rollup's days and totals. */
import type { DayNumbers, PointsTotals } from '../../core/stats';

/** One community day's numbers (`{communityId}:{day}`), written by the stats rollup only. */
export interface StatsDayDoc extends DayNumbers {
  communityId: string;
  day: string;
}

/** A cohort: members who joined in one month, and how many of them were active in the next. */
export interface Cohort {
  joined: number;
  retained: number;
}

/**
 * A community's health as of its last rollup (`{communityId}`), written by the rollup only:
 * where it stopped in each stream, lifetime points, and the counts it took at `asOf`.
 */
export interface StatsDoc {
  communityId: string;
  /** timeKey of the last ledger entry and the last event counted ('' before any). */
  ledgerAfter: string;
  activityAfter: string;
  /** When the counts were last taken (null before the first rollup). */
  asOf: string | null;
  /** Lifetime points by API.md's definitions; liability follows from them. */
  totals: PointsTotals;
  members: number;
  /** Distinct members active in the last 7, 30 and 90 days. */
  active: { d7: number; d30: number; d90: number };
  tiers: Array<{ name: string; members: number }>;
  segments: Array<{ key: string; name: string; members: number }>;
  /** By joining month ("YYYY-MM"). */
  cohorts: Record<string, Cohort>;
}
