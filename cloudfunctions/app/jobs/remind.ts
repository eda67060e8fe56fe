import type * as z from 'zod';
import { dayOf } from '../../core/days';
import { nextReminderAt, shouldRemind } from '../../core/reminders';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import { skipFailures, timeLeft } from './budget';
import { communitiesOnce } from './dueMembers';
import { remindInput } from './inputs';

const PAGE = 50;

/**
 * Sends the check-in reminders that are due: at each member's hour on their community's clock,
 * only if they have not checked in that day, at most once a day, one acceptance each. The
 * reminder's next due time moves in the transaction that decides, before the message goes, so a
 * second or racing run sends nothing again; a member who already checked in keeps the acceptance
 * for another day. Found by `dueKey`, in pages, within the time budget.
 */
export async function remind(_input: z.output<typeof remindInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const hasTime = timeLeft(deps);
  const communityOf = communitiesOnce(deps);
  const { skipped, attempt } = skipFailures(deps, 'remind');
  let sent = 0;
  while (hasTime()) {
    const due = (
      await store.find('reminders', {
        where: { dueKey: { lte: `${caller.now.toISOString()}|\uffff` } },
        orderBy: [['dueKey', 'asc']],
        limit: PAGE + skipped.size,
        fields: ['communityId'],
      })
    ).filter((r) => !skipped.has(r._id));
    if (!due.length) return { sent, more: false };
    for (const { _id: id, communityId } of due) {
      if (!hasTime()) break;
      const reminded = await attempt(id, () => remindOne(id, communityId), false);
      if (reminded) sent += 1;
    }
  }
  return { sent, more: true };

  async function remindOne(id: string, communityId: string): Promise<boolean> {
    const community = await communityOf(communityId);
    const day = dayOf(caller.now, community.timezone);
    const decided = await store.transaction(async (tx) => {
      const reminder = await tx.get('reminders', id);
      if (!reminder?.dueKey || reminder.dueKey > `${caller.now.toISOString()}|\uffff`) return null;
      const member = await tx.get('members', ids.member(communityId, reminder.openid));
      const send =
        Boolean(member && !member.banned) &&
        shouldRemind({ lastCheckinDay: member?.lastCheckinDay ?? null, lastSentDay: reminder.lastSentDay, left: reminder.left }, day);
      const left = reminder.left - (send ? 1 : 0);
      const next = nextReminderAt(reminder.hour, caller.now, community.timezone).toISOString();
      await tx.update('reminders', id, { left, lastSentDay: send ? day : reminder.lastSentDay, dueKey: left > 0 ? `${next}|${id}` : null });
      return send ? { openid: reminder.openid, streak: member!.streak } : null;
    });
    if (!decided) return false;
    await deps.platform.messages.send({
      purpose: 'checkinReminder',
      openid: decided.openid,
      subject: `${community.name}：今天还没签到`,
      outcome: '待签到',
      points: community.rules.checkin.points,
      note: decided.streak > 0 ? `已连续签到 ${decided.streak} 天，别断了` : '签到领积分',
      page: '/pages/home/index',
    });
    return true;
  }
}
