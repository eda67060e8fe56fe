import type * as z from 'zod';
import { refuse } from '../../core/errors';
import { actingRole } from '../../core/roles';
import { READ_WITHOUT_LOTS } from '../kernel/access';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import { openGroup } from '../kernel/groupCloudId';
import { byGroupInput } from './inputs';

/**
 * The community of the WeChat group the mini-program was opened from, for a member tapping its
 * card: the group only from the platform's CloudID (wx.getGroupEnterInfo), never from a plain
 * parameter, and the caller's role there (null: not yet a member, one tap from joining).
 */
export async function byGroup(input: z.output<typeof byGroupInput>, caller: Caller, { store, platform }: Deps) {
  const group =
    (await openGroup(platform.openData, input.groupCloudId, caller.now)) ??
    refuse('INVALID_INPUT', '没读到群信息：请在群里点开小程序卡片（群信息几分钟后会过期）');
  const binding = await store.get('groupBindings', group);
  if (!binding) return { community: null, role: null };
  const [community, member] = await Promise.all([
    store.get('communities', binding.communityId),
    store.get('members', ids.member(binding.communityId, caller.openid), READ_WITHOUT_LOTS),
  ]);
  if (!community) return { community: null, role: null };
  return { community: { id: community._id, name: community.name }, role: member ? actingRole(member) : null };
}
