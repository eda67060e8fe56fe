import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { OWNER } from '../../core/roles';
import { openGroup } from '../kernel/groupCloudId';
import { bindGroupInput } from './inputs';
import { refusals } from '../../core/refusals';

const MAX_GROUPS = 20;

/**
 * The owner, having opened the mini-program from a card in their WeChat group, binds that group
 * to the community; newcomers who join from it are tagged with it, and members who open the card
 * from it land there (community.byGroup). A group belongs to at most one community: its binding
 * is created once, in the same transaction, and binding it elsewhere is CONFLICT.
 */
export async function bindGroup(input: z.output<typeof bindGroupInput>, caller: Caller, { store, platform }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const group =
    (await openGroup(platform.openData, input.groupCloudId, caller.now)) ??
    refuse('INVALID_INPUT', '没读到群信息：请在群里点开小程序卡片后再绑定（群信息几分钟后会过期）');
  const groups = await store.transaction(async (tx) => {
    const [community, binding] = await Promise.all([tx.get('communities', input.communityId), tx.get('groupBindings', group)]);
    if (!community) return refusals.noCommunity();
    if (binding && binding.communityId !== input.communityId) refuse('CONFLICT', '这个群已经绑定了另一个社群，一个群只能绑定一个社群');
    const bound = community.groups ?? [];
    const listed = bound.includes(group);
    if (!listed && bound.length >= MAX_GROUPS) refuse('LIMIT_REACHED', `最多绑定 ${MAX_GROUPS} 个群`);
    // A group listed before bindings existed gets its binding now; binding it again changes nothing.
    if (!binding)
      await tx.create('groupBindings', group, {
        communityId: input.communityId,
        boundBy: caller.openid,
        boundAt: caller.now.toISOString(),
      });
    if (listed) return bound;
    await tx.update('communities', input.communityId, { groups: [...bound, group] });
    return [...bound, group];
  });
  return { groups: groups.length, bound: true as const };
}
