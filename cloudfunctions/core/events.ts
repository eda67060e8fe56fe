/**
 * Community events (API v3): a time, a place (or online), perhaps a capacity and a tier, and
 * points for coming. Members sign up until it ends; staff take attendance at the door by scanning
 * member codes from an hour before it starts until it ends; coming pays once.
 */
export type EventStatus = 'upcoming' | 'open' | 'ended';

/** Attendance opens this long before the start: people arrive early. */
export const DOORS_OPEN_MS = 3_600_000;

export interface EventTimes {
  startsAt: string;
  endsAt: string;
}

/** upcoming until the doors open, open while attendance is taken, ended after. */
export function eventStatus(event: EventTimes, now: Date): EventStatus {
  if (now.getTime() >= Date.parse(event.endsAt)) return 'ended';
  return now.getTime() >= Date.parse(event.startsAt) - DOORS_OPEN_MS ? 'open' : 'upcoming';
}

/** Whether one more can come: a capacity of null is no limit. */
export const hasRoom = (event: { capacity: number | null; signedUp: number }): boolean =>
  event.capacity === null || event.signedUp < event.capacity;

/** When the day-before reminder is due: 24 hours before the start (never in the past of its making). */
export const reminderDue = (event: EventTimes): string => new Date(Date.parse(event.startsAt) - 86_400_000).toISOString();
