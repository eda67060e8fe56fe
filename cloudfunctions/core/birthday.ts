import { daysBetween, type Day } from './days';

/** A birthday must be set this many days before it to pay that year, so nobody sets "today" to collect. */
export const BIRTHDAY_NOTICE_DAYS = 30;

/** Why "MM-DD" is not a day of the year (02-29 is: it falls on 02-28 in a common year); null when it is. */
export function birthdayProblem(birthday: string): string | null {
  if (!/^\d\d-\d\d$/.test(birthday)) return '生日格式应为 月-日，例如 03-08';
  const [month, day] = birthday.split('-').map(Number);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days && day >= 1 && day <= days ? null : '没有这一天';
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The member's birthday in `year` ("MM-DD"); 02-29 falls on 02-28 in a common year. */
export function birthdayIn(birthday: string, year: number): Day {
  return birthday === '02-29' && !isLeap(year) ? `${year}-02-28` : `${year}-${birthday}`;
}

/**
 * Whether today's check-in pays the birthday gift: today is the birthday, it was not paid this
 * year, and the birthday was set at least BIRTHDAY_NOTICE_DAYS before it. Returns the year paid.
 */
export function birthdayGiftYear(
  member: { birthday?: string | null; birthdaySetOn?: Day | null; birthdayPaidYear?: number | null },
  today: Day,
): number | null {
  if (!member.birthday) return null;
  const year = Number(today.slice(0, 4));
  if (birthdayIn(member.birthday, year) !== today || member.birthdayPaidYear === year) return null;
  if (member.birthdaySetOn && daysBetween(member.birthdaySetOn, today) < BIRTHDAY_NOTICE_DAYS) return null;
  return year;
}
