/** Stored documents of the area (the collections are listed in kernel/documents.ts). One owner action on many members, carried out in pages (bulk awards, broadcasts, imports, pilot reports). */
import type { SegmentKey } from '../../core/activity';
import type { SheetRow } from '../../core/balanceSheet';
import type { GroupSums, PilotWindow } from '../../core/pilots';

/**
 * One owner action on many members (points.bulkAward, notices.broadcast), carried out in pages:
 * by the call while it has time, then by jobs.runBatches. Each member's credit or notice has an
 * id of its own, so a page done twice does nothing twice; `cursor` and the counts move together,
 * once per page.
 */
export interface BatchDoc {
  communityId: string;
  kind: 'award' | 'broadcast' | 'import' | 'pilot' | 'report';
  createdBy: string;
  createdAt: string;
  /** award */
  delta: number | null;
  reason: string | null;
  /** broadcast */
  title: string | null;
  body: string | null;
  /** Who: listed openids (in `batchTargets`, 1,000 a chunk), or the members of a segment (all when null) who joined before the call. */
  listed: boolean;
  segment: SegmentKey | null;
  status: 'running' | 'done';
  total: number;
  /** Members credited or told. */
  done: number;
  /** The first 1,000 skipped, with why; all of them counted. */
  skipped: Array<{ openid: string; reason: string }>;
  skippedCount: number;
  /** Listed: how many of the list are through; a segment: the last joining key through. */
  cursor: number | string;
  /** For jobs.runBatches: `running|createdAt` while running, absent after. */
  runKey?: string | null;
  /** pilot (enrolling a segment) and report (comparing a pilot with the rest): the campaign. */
  campaignId?: string | null;
  /** report: the days compared, and the sums so far of the pilot and the rest. */
  window?: PilotWindow | null;
  sums?: { pilot: GroupSums; rest: GroupSums } | null;
}

/** 1,000 openids of a listed batch (`{batchId}:{n}`). */
export interface BatchTargetsDoc {
  communityId: string;
  /** An award's listed members; an import's rows (1,000 a document either way). */
  openids?: string[];
  rows?: SheetRow[];
}
