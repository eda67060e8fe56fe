import type { Day } from './days';

/**
 * Check-in marks, kept on the member: one bitmask per month, bit (day - 1) set for each day
 * checked in. Bounded: only the most recent months are kept.
 */
export type CheckinMonths = Record<string, number>;

export const MONTHS_KEPT = 13;

export function markCheckin(months: CheckinMonths | undefined, day: Day): CheckinMonths {
  const month = day.slice(0, 7);
  const bit = 2 ** (Number(day.slice(8, 10)) - 1);
  const next = { ...months, [month]: ((months?.[month] ?? 0) | bit) >>> 0 };
  const kept = Object.keys(next).sort().slice(-MONTHS_KEPT);
  return Object.fromEntries(kept.map((key) => [key, next[key]]));
}

export function checkedDays(months: CheckinMonths | undefined, month: string): Day[] {
  const mask = months?.[month] ?? 0;
  const days: Day[] = [];
  for (let d = 1; d <= 31; d++) if (mask & (2 ** (d - 1))) days.push(`${month}-${String(d).padStart(2, '0')}`);
  return days;
}
