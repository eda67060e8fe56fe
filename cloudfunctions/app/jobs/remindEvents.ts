import type * as z from 'zod';
import { localDateTime } from '../../core/days';
import { loadCommunity } from '../kernel/access';
import type { Caller, Deps } from '../kernel/context';
import type { Found } from '../kernel/documents';
import type { EventSeatDoc } from '../events/documents';
import { writeNotice } from '../notices/notify';
import { timeLeft } from './budget';
import { remindEventsInput } from './inputs';

/** Seats read a page; notices written together a transaction (ids make each once). */
const PAGE = 50;
const PER_TRANSACTION = 10;

/**
 * The day before an event, everyone signed up gets an in-app reminder (when and where). An event
 * is due by its `remindKey`; its seats are told a page at a time, the place reached kept on the
 * event, so a run cut short goes on where it stopped and nobody is told twice.
 */
export async function remindEvents(_input: z.output<typeof remindEventsInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const hasTime = timeLeft(deps);
  let told = 0;
  while (hasTime()) {
    const due = await store.find('events', {
      where: { remindKey: { lte: `${caller.now.toISOString()}|\uffff` } },
      orderBy: [['remindKey', 'asc']],
      limit: 5,
    });
    if (!due.length) return { told, more: false };
    for (const event of due) {
      if (!hasTime()) return { told, more: true };
      const from = event.remindCursor ?? `${event._id}|`;
      const seats = await store.find('eventSeats', {
        where: { communityId: event.communityId, sortKey: { gt: from, lt: `${event._id}|\uffff` } },
        orderBy: [['sortKey', 'asc']],
        limit: PAGE,
      });
      const coming = seats.filter((s) => s.status === 'signedUp');
      // An event already under way needs no reminder: its members are told nothing late.
      if (caller.now.getTime() < Date.parse(event.startsAt)) {
        const { timezone } = await loadCommunity(store, event.communityId);
        const when = localDateTime(new Date(event.startsAt), timezone).slice(0, 16);
        for (let i = 0; i < coming.length; i += PER_TRANSACTION) {
          const group: Array<Found<EventSeatDoc>> = coming.slice(i, i + PER_TRANSACTION);
          await store.transaction(async (tx) => {
            for (const seat of group) {
              await writeNotice(
                tx,
                {
                  communityId: event.communityId,
                  openid: seat.openid,
                  kind: 'event_reminder',
                  refId: `${event._id}:${seat.openid}`,
                  title: `活动提醒：${event.title}`,
                  body: `${when}${event.place ? ` · ${event.place}` : ''}，别忘了出示会员码签到`,
                  points: 0,
                },
                caller.now,
              );
            }
          });
          told += group.length;
        }
      }
      const finished = seats.length < PAGE;
      await store.transaction((tx) =>
        tx.update('events', event._id, finished ? { remindKey: null, remindCursor: null } : { remindCursor: seats.at(-1)!.sortKey }),
      );
    }
  }
  return { told, more: true };
}
