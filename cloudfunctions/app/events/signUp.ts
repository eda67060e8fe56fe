import type * as z from 'zod';
import { eventStatus, hasRoom } from '../../core/events';
import { refuse } from '../../core/errors';
import { dayOf } from '../../core/days';
import { tierOf, tierReaches } from '../../core/tiers';
import { activeMemberIn, loadCommunity } from '../kernel/access';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import type { EventSeatDoc } from './documents';
import { cancelSignUpInput, signUpInput } from './inputs';
import { toEvent } from './views';

/**
 * A member signs up. The event document holds the count, read and written in the same
 * transaction as the seat, so however many sign up at once the capacity is never passed
 * (LIMIT_REACHED). Signing up again answers the place already held.
 */
export async function signUp(input: z.output<typeof signUpInput>, caller: Caller, { store }: Deps) {
  const community = await loadCommunity(store, input.communityId);
  return store.transaction(async (tx) => {
    const member = await activeMemberIn(tx, input.communityId, caller.openid);
    const event = await tx.get('events', input.eventId);
    if (!event || event.communityId !== input.communityId) return refuse('NOT_FOUND', '活动不存在');
    const seatId = ids.seat(event._id, caller.openid);
    const seat = await tx.get('eventSeats', seatId);
    if (seat?.status === 'signedUp') return { event: toEvent(event, seat, caller.now) };
    if (eventStatus(event, caller.now) === 'ended') refuse('FORBIDDEN', '活动已结束');
    if (!tierReaches(event.minTier, tierOf(member, community.rules, dayOf(caller.now, community.timezone)).index, community.rules.tiers))
      refuse('FORBIDDEN', `这个活动仅限${event.minTier}及以上会员`);
    if (!hasRoom(event)) refuse('LIMIT_REACHED', '名额已满');
    const at = caller.now.toISOString();
    const placed: EventSeatDoc = {
      communityId: input.communityId,
      eventId: event._id,
      openid: caller.openid,
      nickname: member.nickname,
      status: 'signedUp',
      signedUpAt: at,
      attendedAt: null,
      awarded: 0,
      sortKey: `${event._id}|${at}|${caller.openid}`,
    };
    await tx.set('eventSeats', seatId, placed);
    await tx.update('events', event._id, { signedUp: event.signedUp + 1 });
    return { event: toEvent({ ...event, signedUp: event.signedUp + 1 }, placed, caller.now) };
  });
}

/** A member gives their place back before the event starts; the seat is free again. */
export async function cancelSignUp(input: z.output<typeof cancelSignUpInput>, caller: Caller, { store }: Deps) {
  return store.transaction(async (tx) => {
    const event = await tx.get('events', input.eventId);
    if (!event || event.communityId !== input.communityId) return refuse('NOT_FOUND', '活动不存在');
    const seatId = ids.seat(event._id, caller.openid);
    const seat = await tx.get('eventSeats', seatId);
    if (!seat || seat.status !== 'signedUp') return { event: toEvent(event, seat, caller.now) };
    if (seat.attendedAt) refuse('CONFLICT', '已经签到，不能取消报名');
    if (caller.now.getTime() >= Date.parse(event.startsAt)) refuse('FORBIDDEN', '活动已经开始，不能取消报名');
    await tx.update('eventSeats', seatId, { status: 'cancelled' });
    await tx.update('events', event._id, { signedUp: event.signedUp - 1 });
    return { event: toEvent({ ...event, signedUp: event.signedUp - 1 }, { ...seat, status: 'cancelled' }, caller.now) };
  });
}
