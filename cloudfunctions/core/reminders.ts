import { addDays, dayOf, startOfDay, type Day } from './days';

/** A member keeps at most this many accepted reminders: WeChat lets one-time acceptances pile up, a month is plenty. */
export const MAX_REMINDERS_LEFT = 31;

/** The next `hour`:00 on the community's clock strictly after `now`: today's if it is still ahead, else tomorrow's. */
export function nextReminderAt(hour: number, now: Date, tz: string): Date {
  const today = dayOf(now, tz);
  const at = (day: Day) => new Date(startOfDay(day, tz).getTime() + hour * 3_600_000);
  const todays = at(today);
  return todays.getTime() > now.getTime() ? todays : at(addDays(today, 1));
}

/**
 * Whether a reminder due on `day` goes out: only to a member who has not checked in that day,
 * once a day, while an acceptance is left. A skipped day costs no acceptance.
 */
export function shouldRemind(state: { lastCheckinDay: Day | null; lastSentDay: Day | null; left: number }, day: Day): boolean {
  return state.left > 0 && state.lastSentDay !== day && !(state.lastCheckinDay !== null && state.lastCheckinDay >= day);
}
