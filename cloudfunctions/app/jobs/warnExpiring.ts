import { localDateTime } from '../../core/days';
import type { Caller, Deps } from '../kernel/context';
import { expiryWarned, expiryWarnKey } from '../kernel/ledgerWrites';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';
import { communitiesOnce, settleDue } from './dueMembers';

/**
 * Points about to expire, told once per batch, 7 days ahead: an in-app notice, and the
 * subscription message where the member subscribed. Members are found by `expiryWarnKey`
 * (when the warning is due|member), which a posting sets whenever the next batch changes and
 * this job moves past the end once it warned: so a run reads only who is due, a second run finds
 * nobody, and the next batch is warned in its turn.
 */
export async function warnExpiring(caller: Caller, deps: Deps, hasTime: () => boolean): Promise<{ warned: number; more: boolean }> {
  const { store } = deps;
  const communityOf = communitiesOnce(deps);
  let warned = 0;
  const { more } = await settleDue(
    deps,
    { where: { expiryWarnKey: { lte: `${caller.now.toISOString()}|\uffff` } }, by: 'expiryWarnKey' },
    hasTime,
    async (memberId) => {
      const notice = await store.transaction(async (tx) => {
        const member = await tx.get('members', memberId);
        if (!member) return null;
        const community = await communityOf(member.communityId);
        const batch = member.nextExpiryAt;
        // Told already (a run that raced this one): the batch is done. A posting resets the key when the batch changes.
        if (member.expiryWarnKey === expiryWarned(member)) return null;
        // A key that no longer describes the next batch is put right (due later, or nothing to tell) and tells nothing.
        const current = batch ? expiryWarnKey(batch, member) : expiryWarned(member);
        if (member.expiryWarnKey !== current || !batch || member.nextExpiryPoints <= 0 || current > `${caller.now.toISOString()}|\uffff`) {
          if (member.expiryWarnKey !== current) await tx.update('members', memberId, { expiryWarnKey: current });
          return null;
        }
        await tx.update('members', memberId, { expiryWarnKey: expiryWarned(member) });
        const lastDay = localDateTime(new Date(Date.parse(batch) - 1000), community.timezone).slice(0, 10);
        const warning: Notice = {
          communityId: member.communityId,
          openid: member.openid,
          kind: 'expiry_soon',
          refId: `${memberId}:${batch}`,
          title: `${member.nextExpiryPoints} 积分将在 ${lastDay} 后过期`,
          body: '记得去积分商城兑换，别让积分白白过期',
          points: member.nextExpiryPoints,
        };
        await writeNotice(tx, warning, caller.now);
        return warning;
      });
      if (!notice) return false;
      warned += 1;
      await sendNotice(deps, notice, '积分即将过期', '/pages/mall/index');
      return true;
    },
  );
  return { warned, more };
}
