import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** A community-local calendar day, 'YYYY-MM-DD'. Days never depend on the process's TZ. */
export type Day = string;

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
const DAY_FORMAT = 'YYYY-MM-DD';

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The community-local day that contains the instant `now`. */
export function dayOf(now: Date, tz: string): Day {
  return dayjs(now).tz(tz).format(DAY_FORMAT);
}

/** The instant a community-local day begins. */
export function startOfDay(day: Day, tz: string): Date {
  return dayjs.tz(day, tz).toDate();
}

/** Calendar arithmetic on day strings; done in UTC so that DST and TZ cannot shift it. */
export function addDays(day: Day, n: number): Day {
  return dayjs.utc(day).add(n, 'day').format(DAY_FORMAT);
}

export function daysBetween(from: Day, to: Day): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

/** Weeks start on Monday, as Chinese calendars do. The key is the Monday's day. */
export function weekKey(day: Day): string {
  const d = dayjs.utc(day);
  return d.subtract((d.day() + 6) % 7, 'day').format(DAY_FORMAT);
}

export function monthKey(day: Day): string {
  return day.slice(0, 7);
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** First and last day of a 'YYYY-MM' month. */
export function monthRange(month: string): { first: Day; last: Day } {
  const first = dayjs.utc(`${month}-01`);
  return { first: first.format(DAY_FORMAT), last: first.endOf('month').format(DAY_FORMAT) };
}
