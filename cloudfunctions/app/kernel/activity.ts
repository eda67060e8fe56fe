import { afterActivity, markOf, type ActivityFacts, type ActivityMark, type SegmentRanges } from '../../core/activity';
import { addDays, dayOf, startOfDay, type Day } from '../../core/days';
import { isStaff } from '../../core/roles';
import type { Posting } from '../../core/ledger';
import type { Query } from '../../store/port';
import type { ActivityDoc, AppTransaction } from './documents';
import type { MemberDoc } from '../community/documents';
import { ids } from './documents';
import { recordPostings, type LedgerTime } from './ledgerWrites';

/** How a key spells "never": before every day. */
const NEVER = '0000-00-00';

const factsOf = (member: MemberDoc): ActivityFacts => ({
  lastActiveDay: member.lastActiveDay ?? '',
  activeDays: member.activeDays ?? 0,
  coreUntil: member.coreUntil ?? '',
});

/** The member fields an activity on `today` changes (none when today is already counted) and the day's mark. */
export function activityOn(member: MemberDoc, today: Day, timezone: string): { changes: Partial<MemberDoc>; mark: ActivityMark | null } {
  const before = factsOf(member);
  const after = afterActivity(before, today);
  if (after === before) return { changes: {}, mark: null };
  return {
    changes: { ...after, ...segmentKeys({ ...member, ...after }) },
    mark: markOf(before, today, dayOf(new Date(member.joinedAt), timezone)),
  };
}

/** How a key spells "staff": before NEVER, so outside every segment's range (each starts at NEVER at the lowest). */
const STAFF_KEY = '!';

/**
 * The keys the health counts and segment lists range over: a member's last active day and core
 * status (NEVER before any activity). Staff are keyed apart: the owner and moderators run the
 * community, so they are neither its active members nor its churn; a list by activity still pages
 * past them (last).
 */
export const segmentKeys = (
  member: Pick<MemberDoc, 'openid' | 'role' | 'lastActiveDay' | 'coreUntil'>,
): Pick<MemberDoc, 'activeKey' | 'coreKey'> =>
  isStaff(member.role)
    ? { activeKey: `${STAFF_KEY}|${member.openid}`, coreKey: `${STAFF_KEY}|${member.openid}` }
    : { activeKey: `${member.lastActiveDay || NEVER}|${member.openid}`, coreKey: `${member.coreUntil || NEVER}|${member.openid}` };

/** An event of `kind` the rollup counts (ActivityDoc), with the id that makes it once. */
export type EventOf = { kind: ActivityDoc['kind']; id: string };

/**
 * Everything an activity (a check-in, post, answer, like, redemption or draw) writes on the
 * member's side, in the action's own transaction: the postings, one member update (the account,
 * `extra`, the activity facts) and the day's mark for the rollup — in `event` when the action
 * records one, else on the first entry, else (nothing posted) in an event of its own. So the mark
 * costs no document operation unless the action writes no entry.
 */
export async function recordActivity(
  tx: AppTransaction,
  member: MemberDoc,
  time: LedgerTime,
  { postings = [], extra = {}, event }: { postings?: Posting[]; extra?: Partial<MemberDoc>; event?: EventOf },
) {
  const { changes, mark } = activityOn(member, time.day, time.timezone);
  const posted = await recordPostings(tx, member, postings, time, { ...extra, ...changes }, event ? null : mark);
  const own =
    event ??
    (mark && posted.entries.length === 0
      ? { kind: 'active' as const, id: ids.event('active', `${member.communityId}:${member.openid}:${time.day}`) }
      : null);
  if (own) await recordEvent(tx, own, { communityId: member.communityId, openid: member.openid, day: time.day, now: time.now }, mark);
  return posted;
}

/** Creates an event (create-only: an event happens once). */
export async function recordEvent(
  tx: AppTransaction,
  { kind, id }: EventOf,
  { communityId, openid, day, now }: { communityId: string; openid: string; day: Day; now: Date },
  mark: ActivityMark | null = null,
): Promise<void> {
  const doc: ActivityDoc = { communityId, openid, day, kind, timeKey: `${now.toISOString()}|${id}`, ...(mark ? { active: mark } : {}) };
  await tx.create('activity', id, doc);
}

/** A segment's ranges (core/activity.ts) as conditions on a member's indexed keys. */
export function segmentWhere(r: SegmentRanges, tz: string): Query<MemberDoc>['where'] {
  const where: Query<MemberDoc>['where'] = {};
  if (r.joinedFrom || r.joinedBefore) {
    where.sortKey = {
      ...(r.joinedFrom ? { gte: startOfDay(r.joinedFrom, tz).toISOString() } : {}),
      ...(r.joinedBefore ? { lt: startOfDay(r.joinedBefore, tz).toISOString() } : {}),
    };
  }
  // Every range starts at NEVER at the lowest, which leaves staff (STAFF_KEY) out.
  if (r.coreFrom || r.coreBefore) where.coreKey = { gte: r.coreFrom ?? NEVER, ...(r.coreBefore ? { lt: r.coreBefore } : {}) };
  const activeBefore = r.activeTo ? addDays(r.activeTo, 1) : r.activeBefore;
  if (r.activeFrom || activeBefore) where.activeKey = { gte: r.activeFrom ?? NEVER, ...(activeBefore ? { lt: activeBefore } : {}) };
  return where;
}
