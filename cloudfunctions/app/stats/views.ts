import type { DayNumbers } from '../../core/stats';

/** stats.overview (API.md "Community health"). */
export interface Overview {
  asOf: string | null;
  days: Array<{ day: string } & DayNumbers>;
  totals: {
    members: number;
    activeMembers: number;
    pointsIssued: number;
    pointsSpent: number;
    pointsExpired: number;
    pointsReversed: number;
    liability: number;
    burnRate: number;
  };
  tiers: Array<{ name: string; members: number }>;
  retention: Array<{ cohort: string; joined: number; retained: number }>;
}

export interface SegmentsView {
  asOf: string | null;
  /** Everyone, staff included (who are in no segment): what a broadcast or award to all reaches. */
  members: number;
  segments: Array<{ key: string; name: string; members: number }>;
}
