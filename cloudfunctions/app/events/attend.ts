import type * as z from 'zod';
import { eventStatus, hasRoom } from '../../core/events';
import { refuse } from '../../core/errors';
import { STAFF } from '../../core/roles';
import { requireMember } from '../kernel/access';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import type { EventSeatDoc } from './documents';
import { postingTime, recordPostings } from '../kernel/ledgerWrites';
import { requireUsable, scannedMember } from '../purchases/heldCode';
import { attendInput } from './inputs';
import { toAttendee } from './views';

/**
 * Staff take attendance at the door by scanning the member's code, from an hour before the
 * start until the end. Attendance is recorded once and pays the event's points once — the seat
 * decides (a second scan is ALREADY_DONE), and the entry is named by the event. Someone who did
 * not sign up may walk in while there is room. Six document operations for a signed-up member:
 * the event, the seat and the member read; the seat, the entry and the member written.
 */
export async function attend(input: z.output<typeof attendInput>, caller: Caller, { store }: Deps) {
  const { community } = await requireMember(store, input.communityId, caller.openid, STAFF);
  const { openid, secret } = scannedMember(input.code, input.communityId, caller);
  const time = postingTime(community, caller.now);
  return store.transaction(async (tx) => {
    const event = await tx.get('events', input.eventId);
    if (!event || event.communityId !== input.communityId) return refuse('NOT_FOUND', '活动不存在');
    const status = eventStatus(event, caller.now);
    if (status !== 'open') refuse('FORBIDDEN', status === 'upcoming' ? '还没到签到时间（开始前 1 小时起）' : '活动已结束，不能再签到');
    const seatId = ids.seat(event._id, openid);
    const [seat, member] = await Promise.all([tx.get('eventSeats', seatId), tx.get('members', ids.member(input.communityId, openid))]);
    if (!member) return refuse('INVALID_INPUT', '会员码无效：这位成员不在社群里');
    requireUsable(member.memberCode, secret, caller.now);
    if (member.banned) refuse('FORBIDDEN', '这位成员已被暂停参与积分活动');
    const placed = seat?.status === 'signedUp' ? seat : null;
    if (placed?.attendedAt) refuse('ALREADY_DONE', `${member.nickname} 已经签到过了`);
    if (!placed) {
      // A walk-in takes a seat, if there is one.
      if (!hasRoom(event)) refuse('LIMIT_REACHED', '名额已满，不能现场加入');
      await tx.update('events', event._id, { signedUp: event.signedUp + 1 });
    }
    const at = caller.now.toISOString();
    const came: EventSeatDoc = {
      ...(placed ?? {
        communityId: input.communityId,
        eventId: event._id,
        openid,
        nickname: member.nickname,
        status: 'signedUp',
        signedUpAt: at,
        sortKey: `${event._id}|${at}|${openid}`,
      }),
      attendedAt: at,
      awarded: event.points,
      attendKey: `${event._id}|${at}|${openid}`,
    };
    await tx.set('eventSeats', seatId, came);
    if (event.points > 0) {
      await recordPostings(
        tx,
        member,
        [
          {
            id: ids.ledger('earn', input.communityId, openid, `event:${event._id}`),
            kind: 'earn',
            delta: event.points,
            reason: `参加活动「${event.title}」`,
            refId: event._id,
          },
        ],
        time,
      );
    }
    return { attendee: toAttendee(came), awarded: event.points };
  });
}
