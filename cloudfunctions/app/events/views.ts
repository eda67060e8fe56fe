import { eventStatus } from '../../core/events';
import type { Found } from '../kernel/documents';
import type { EventDoc, EventSeatDoc } from './documents';
import type { EventView, AttendeeView } from '../../contract/views';

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

export const toAttendee = (seat: EventSeatDoc): AttendeeView => ({
  openid: seat.openid,
  nickname: seat.nickname,
  signedUpAt: seat.signedUpAt,
  attendedAt: seat.attendedAt,
});

/** An event's seats, in the order people signed up. */
export const seatsOf = (eventId: string) => ({ gt: `${eventId}|`, lt: `${eventId}|\uffff` });
