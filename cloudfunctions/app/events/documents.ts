/** Stored documents of the area (the collections are listed in kernel/documents.ts). Community events and the seats members take. */

/** A community event (`events`), owned by the owner; counts kept with it (who signed up). */
export interface EventDoc {
  communityId: string;
  title: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  points: number;
  minTier: string | null;
  /** Seats taken: signed up (and walk-ins), less cancellations. */
  signedUp: number;
  createdAt: string;
  updatedAt: string;
  /** startsAt|id: a community's events in time order. */
  sortKey: string;
  /** When the day-before reminder is due|id (an index for jobs.remindEvents); null once sent. */
  remindKey: string | null;
  /** How far the reminder has got through the seats (a seat's sortKey), while it is being sent. */
  remindCursor?: string | null;
}

/** One member's place at an event (`{eventId}:{openid}`): signed up (or walked in), and whether they came. */
export interface EventSeatDoc {
  communityId: string;
  eventId: string;
  openid: string;
  nickname: string;
  status: 'signedUp' | 'cancelled';
  signedUpAt: string;
  attendedAt: string | null;
  /** Points the attendance paid. */
  awarded: number;
  /** eventId|signedUpAt|openid: the event's list in the order people signed up (群接龙). */
  sortKey: string;
  /** eventId|attendedAt|openid once they came: staff count who came by it. */
  attendKey?: string | null;
}
