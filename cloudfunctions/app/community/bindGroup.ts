import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import { OWNER } from '../../core/roles';
import { openGroupId } from '../groupCloudId';
import { bindGroupInput } from './inputs';
import { refusals } from '../../core/refusals';

const MAX_GROUPS = 20;

/**
 * The owner, having opened the mini-program from a card in their WeChat group, binds that group
 * to the community; newcomers who join from it are tagged with it.
 */
export async function bindGroup(input: z.output<typeof bindGroupInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const group = openGroupId(input.groupCloudId) ?? refuse('INVALID_INPUT', '没读到群信息：请在群里点开小程序卡片后再绑定（群信息几分钟后会过期）');
  const groups = await store.transaction(async (tx) => {
    const community = (await tx.get('communities', input.communityId)) ?? refusals.noCommunity();
    const bound = community.groups ?? [];
    if (bound.includes(group)) return bound;
    if (bound.length >= MAX_GROUPS) refuse('LIMIT_REACHED', `最多绑定 ${MAX_GROUPS} 个群`);
    await tx.update('communities', input.communityId, { groups: [...bound, group] });
    return [...bound, group];
  });
  return { groups: groups.length, bound: true as const };
}
