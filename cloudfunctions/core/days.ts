/** A community-local calendar day, 'YYYY-MM-DD'. Days never depend on the process's TZ. */
export type Day = string;

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** One formatter per zone: building an Intl.DateTimeFormat is the expensive part, not using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let format = formatters.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(tz, format);
  }
  return format;
}

/** The zone's wall-clock fields at an instant, as if they were UTC (for offset arithmetic). */
function formattedAsUtc(instant: number, tz: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/**
 * The zone's offset, remembered per minute: formatToParts is most of what a request spends on
 * dates, and a zone changes its offset only on a minute (never inside one). Bounded: a full map
 * is cleared.
 */
const offsets = new Map<string, number>();
const OFFSETS_KEPT = 4096;

function wallClockAsUtc(instant: number, tz: string): number {
  const minuteStart = Math.floor(instant / 60_000) * 60_000;
  const key = `${tz}|${minuteStart}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = formattedAsUtc(minuteStart, tz) - minuteStart;
    if (offsets.size >= OFFSETS_KEPT) offsets.clear();
    offsets.set(key, offset);
  }
  return instant + offset;
}

/** The community-local day that contains the instant `now`. */
export function dayOf(now: Date, tz: string): Day {
  return new Date(wallClockAsUtc(now.getTime(), tz)).toISOString().slice(0, 10);
}

/** An instant as the community's clock shows it: "YYYY-MM-DD HH:mm:ss". */
export function localDateTime(at: Date, tz: string): string {
  return new Date(wallClockAsUtc(at.getTime(), tz)).toISOString().slice(0, 19).replace('T', ' ');
}

/** The instant a community-local day begins (midnight there; correct across DST changes). */
export function startOfDay(day: Day, tz: string): Date {
  const midnightAsUtc = Date.parse(`${day}T00:00:00Z`);
  let instant = midnightAsUtc - (wallClockAsUtc(midnightAsUtc, tz) - midnightAsUtc);
  instant -= wallClockAsUtc(instant, tz) - midnightAsUtc; // second pass settles a DST shift
  return new Date(instant);
}

/**
 * Calendar arithmetic on day strings; done in UTC so that DST and TZ cannot shift it. Plain
 * milliseconds, not dayjs: lists call it once per row (a member's streak), and every check-in
 * rolls its week (dayjs there cost ~3% of the functions worker under bench --mixed).
 */
const midnight = (day: Day) => Date.parse(`${day}T00:00:00Z`);

export function addDays(day: Day, n: number): Day {
  return new Date(midnight(day) + n * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: Day, to: Day): number {
  return Math.round((midnight(to) - midnight(from)) / 86_400_000);
}

/** Weeks start on Monday, as Chinese calendars do. The key is the Monday's day. */
export function weekKey(day: Day): string {
  return addDays(day, -((new Date(midnight(day)).getUTCDay() + 6) % 7));
}

export function monthKey(day: Day): string {
  return day.slice(0, 7);
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
