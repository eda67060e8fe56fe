import * as z from 'zod';
import { MAX_REMINDERS_LEFT, nextReminderAt } from '../../core/reminders';
import { requireMember } from '../kernel/access';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import type { ReminderDoc } from './documents';
import { subscribeInput, subscriptionsInput } from './inputs';

const view = (reminder: ReminderDoc | null, announcementsLeft: number | undefined) => ({
  checkinReminder: reminder ? { left: reminder.left, hour: reminder.hour } : { left: 0, hour: null },
  announcement: { left: announcementsLeft ?? 0 },
});

/**
 * The member accepted one check-in reminder in WeChat (requestSubscribeMessage): one more
 * message may be sent, at the hour they chose on the community's clock. The next one is due at
 * that hour — today if it is still ahead, else tomorrow; choosing another hour moves it. An
 * accepted announcement lets one broadcast reach the member as a WeChat message.
 */
export async function subscribe(input: z.output<typeof subscribeInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, input.communityId, caller.openid);
  const id = ids.reminder(input.communityId, caller.openid);
  if (input.kind === 'announcement') {
    // Counted on the member, whom a broadcast's page reads anyway: who may be told costs no extra read.
    const left = await store.transaction(async (tx) => {
      const current = (await tx.get('members', ids.member(input.communityId, caller.openid)))!;
      const next = Math.min(MAX_REMINDERS_LEFT, (current.announcementsLeft ?? 0) + 1);
      await tx.update('members', current._id, { announcementsLeft: next });
      return next;
    });
    return view(await store.get('reminders', id), left);
  }
  const due = nextReminderAt(input.hour, caller.now, community.timezone).toISOString();
  const reminder = await store.transaction(async (tx) => {
    const current = await tx.get('reminders', id);
    const next: ReminderDoc = {
      communityId: input.communityId,
      openid: caller.openid,
      kind: 'checkin_reminder',
      hour: input.hour,
      left: Math.min(MAX_REMINDERS_LEFT, (current?.left ?? 0) + 1),
      lastSentDay: current?.lastSentDay ?? null,
      dueKey: `${due}|${id}`,
    };
    await tx.set('reminders', id, next);
    return next;
  });
  return view(reminder, member.announcementsLeft);
}

/** What the caller has left: accepted reminders not yet sent, and their hour. */
export async function subscriptions(input: z.output<typeof subscriptionsInput>, caller: Caller, { store }: Deps) {
  const { member } = await requireMember(store, input.communityId, caller.openid);
  return view(await store.get('reminders', ids.reminder(input.communityId, caller.openid)), member.announcementsLeft);
}
