import { eventStatus, type EventStatus } from '../../core/events';
import type { EventDoc, EventSeatDoc, Found } from '../kernel/documents';

export interface EventView {
  id: string;
  title: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  points: number;
  minTier: string | null;
  signedUp: number;
  status: EventStatus;
  /** The caller's place: signed up, came, or none. */
  mine: 'signedUp' | 'attended' | null;
  /** Staff only: how many came. */
  attended?: number;
}

export const mineOf = (seat: EventSeatDoc | null | undefined): EventView['mine'] =>
  !seat || seat.status !== 'signedUp' ? null : seat.attendedAt ? 'attended' : 'signedUp';

export const toEvent = (event: Found<EventDoc>, seat: EventSeatDoc | null | undefined, now: Date): EventView => ({
  id: event._id,
  title: event.title,
  description: event.description,
  place: event.place,
  startsAt: event.startsAt,
  endsAt: event.endsAt,
  capacity: event.capacity,
  points: event.points,
  minTier: event.minTier,
  signedUp: event.signedUp,
  status: eventStatus(event, now),
  mine: mineOf(seat),
});

export interface AttendeeView {
  openid: string;
  nickname: string;
  signedUpAt: string;
  attendedAt: string | null;
}

export const toAttendee = (seat: EventSeatDoc): AttendeeView => ({
  openid: seat.openid,
  nickname: seat.nickname,
  signedUpAt: seat.signedUpAt,
  attendedAt: seat.attendedAt,
});

/** An event's seats, in the order people signed up. */
export const seatsOf = (eventId: string) => ({ gt: `${eventId}|`, lt: `${eventId}|\uffff` });
