import type * as z from 'zod';
import { refuse } from '../../core/errors';
import { addDays, dayOf, startOfDay } from '../../core/days';
import { requireMember } from '../kernel/access';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import { pageOf } from '../kernel/paging';
import { attendeesInput, getEventInput, listEventsInput } from './inputs';
import { seatsOf, toAttendee, toEvent } from './views';
import { actsAsStaff, STAFF } from '../../core/roles';

/** How far back the list reaches: last month's events still show who came. */
const PAST_DAYS = 30;

/** Events from a month ago on, in time order, each with the caller's place (one read a listed event); staff also see how many came. */
export async function listEvents(input: z.output<typeof listEventsInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, input.communityId, caller.openid);
  const from = startOfDay(addDays(dayOf(caller.now, community.timezone), -PAST_DAYS), community.timezone).toISOString();
  const page = await pageOf(
    store,
    'events',
    { communityId: input.communityId, sortKey: { gte: from } },
    { cursor: input.cursor, limit: input.limit, order: 'asc' },
  );
  const seats = await Promise.all(page.rows.map((e) => store.get('eventSeats', ids.seat(e._id, caller.openid))));
  const came = actsAsStaff(member)
    ? await Promise.all(page.rows.map((e) => store.count('eventSeats', { communityId: input.communityId, attendKey: seatsOf(e._id) })))
    : null;
  return {
    events: page.rows.map((e, i) => ({ ...toEvent(e, seats[i], caller.now), ...(came ? { attended: came[i] } : {}) })),
    nextCursor: page.nextCursor,
  };
}

/** One event with the caller's place and who else comes (the first 50, in the order they signed up: 群接龙). */
export async function getEvent(input: z.output<typeof getEventInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid);
  const event = await store.get('events', input.eventId);
  if (!event || event.communityId !== input.communityId) return refuse('NOT_FOUND', '活动不存在');
  const [seat, coming] = await Promise.all([
    store.get('eventSeats', ids.seat(event._id, caller.openid)),
    store.find('eventSeats', {
      where: { communityId: input.communityId, sortKey: seatsOf(event._id) },
      orderBy: [['sortKey', 'asc']],
      limit: 50,
      fields: ['nickname', 'status', 'attendedAt', 'sortKey'],
    }),
  ]);
  return {
    event: toEvent(event, seat, caller.now),
    coming: coming.filter((s) => s.status === 'signedUp').map((s) => ({ nickname: s.nickname, attended: Boolean(s.attendedAt) })),
  };
}

/** Staff: everyone with a place at the event, signed up or walked in, and when they came. */
export async function listAttendees(input: z.output<typeof attendeesInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, STAFF);
  const event = await store.get('events', input.eventId);
  if (!event || event.communityId !== input.communityId) return refuse('NOT_FOUND', '活动不存在');
  const page = await pageOf(
    store,
    'eventSeats',
    { communityId: input.communityId, sortKey: seatsOf(event._id) },
    { cursor: input.cursor, limit: input.limit, order: 'asc' },
  );
  return { attendees: page.rows.filter((s) => s.status === 'signedUp').map(toAttendee), nextCursor: page.nextCursor };
}
