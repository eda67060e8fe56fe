import { addDays, daysBetween, type Day } from './days';

/**
 * A member's activity as their own document keeps it (API.md "Community health": a day is
 * active for a member who checked in, posted, answered, liked, redeemed or drew on it). Every
 * field is a plain value an index can range over, so the health numbers are counts, not scans.
 */
export interface ActivityFacts {
  /** The last active day, '' if never. */
  lastActiveDay: Day | '';
  /** Bit i: active on lastActiveDay − i (i < 31), enough to see the 30-day window of `core`. */
  activeDays: number;
  /** The last day this member is `core` (active on 15 of the 30 days ending that day) by what they did so far; '' if not core. */
  coreUntil: Day | '';
}

export const NO_ACTIVITY: ActivityFacts = { lastActiveDay: '', activeDays: 0, coreUntil: '' };

const WINDOW = 30;
const CORE_DAYS = 15;
const BITS = 31;

/** The facts after an activity on `today`; the same facts if today is already counted. */
export function afterActivity(facts: ActivityFacts, today: Day): ActivityFacts {
  if (facts.lastActiveDay === today) return facts;
  // A clock a moment behind another instance's (see checkedInOn) never moves the facts back.
  if (facts.lastActiveDay > today) return facts;
  const gap = facts.lastActiveDay === '' ? BITS : daysBetween(facts.lastActiveDay, today);
  // The bits that stay in reach, moved up by the gap (kept below 2^31, so exact in a double).
  const shifted = gap >= BITS ? 0 : (facts.activeDays % 2 ** (BITS - gap)) * 2 ** gap;
  const activeDays = shifted + 1;
  return { lastActiveDay: today, activeDays, coreUntil: coreUntil(today, activeDays) };
}

/**
 * Core holds on day D while the 15th most recent active day is within the 30 days ending D:
 * until that day + 29. Fewer than 15 active days in reach: not core.
 */
function coreUntil(lastActiveDay: Day, activeDays: number): Day | '' {
  let seen = 0;
  for (let i = 0; i < WINDOW; i++) {
    if (Math.floor(activeDays / 2 ** i) % 2 === 1 && ++seen === CORE_DAYS) return addDays(lastActiveDay, WINDOW - 1 - i);
  }
  return '';
}

/** The first activity of a day, as the rollup counts it: one active member, and retention of their joining month. */
export interface ActivityMark {
  /** The month the member joined ("YYYY-MM"): their cohort. */
  cohort: string;
  /** Their first active day in this calendar month: counts them retained by the previous month's cohort. */
  firstInMonth: boolean;
}

/** The mark an activity on `today` leaves, or null when today was already active. */
export function markOf(before: ActivityFacts, today: Day, joinedDay: Day): ActivityMark | null {
  if (before.lastActiveDay >= today) return null;
  return { cohort: joinedDay.slice(0, 7), firstInMonth: before.lastActiveDay.slice(0, 7) !== today.slice(0, 7) };
}

export type SegmentKey = 'new' | 'core' | 'active' | 'at_risk' | 'dormant' | 'lost';

export const SEGMENTS: ReadonlyArray<{ key: SegmentKey; name: string; rule: string }> = [
  { key: 'new', name: '新人', rule: '最近 14 天加入' },
  { key: 'core', name: '核心', rule: '最近 30 天里至少 15 天活跃' },
  { key: 'active', name: '活跃', rule: '最近 7 天活跃过' },
  { key: 'at_risk', name: '流失预警', rule: '8–14 天没来' },
  { key: 'dormant', name: '沉睡', rule: '15–59 天没来' },
  { key: 'lost', name: '流失', rule: '60 天以上没来，或从未活跃' },
];

/** Days since the last activity, in the bands of API.md (inclusive). */
const BANDS: ReadonlyArray<[SegmentKey, number, number]> = [
  ['active', 0, 7],
  ['at_risk', 8, 14],
  ['dormant', 15, 59],
];
const NEW_DAYS = 14;

/** The one segment a member is in on `today`: the first that matches, in API.md's order. */
export function segmentOf(member: ActivityFacts & { joinedDay: Day }, today: Day): SegmentKey {
  if (daysBetween(member.joinedDay, today) <= NEW_DAYS) return 'new';
  if (member.coreUntil !== '' && member.coreUntil >= today) return 'core';
  if (member.lastActiveDay === '') return 'lost';
  const ago = Math.max(0, daysBetween(member.lastActiveDay, today));
  return BANDS.find(([, from, to]) => ago >= from && ago <= to)?.[0] ?? 'lost';
}

/**
 * A segment as ranges over a member's fields on `today`, for a count or a list: every member
 * matches exactly one segment's ranges. `joinedBefore` is "not new"; `coreBefore` is "not core".
 */
export interface SegmentRanges {
  joinedFrom?: Day;
  joinedBefore?: Day;
  coreFrom?: Day;
  coreBefore?: Day;
  activeFrom?: Day;
  activeTo?: Day;
  /** Last active before this day, or never. */
  activeBefore?: Day;
}

export function segmentRanges(key: SegmentKey, today: Day): SegmentRanges {
  const newFrom = addDays(today, -NEW_DAYS);
  const old = { joinedBefore: newFrom };
  if (key === 'new') return { joinedFrom: newFrom };
  if (key === 'core') return { ...old, coreFrom: today };
  if (key === 'lost') return { ...old, coreBefore: today, activeBefore: addDays(today, -59) };
  const [, from, to] = BANDS.find(([band]) => band === key)!;
  return { ...old, coreBefore: today, activeFrom: addDays(today, -to), activeTo: addDays(today, -from) };
}
