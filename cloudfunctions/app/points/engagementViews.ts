import type * as z from 'zod';
import { badgeWall, taskList } from '../../core/achievements';
import { tierMultiplier, tierPerks } from '../../core/rules';
import type { Caller, Deps } from '../kernel/context';
import { READ_WITHOUT_LOTS, requireMember } from '../kernel/access';
import { refusals } from '../../core/refusals';
import { wornNow } from '../../core/wearables';
import { ids } from '../kernel/documents';
import { badgesInput, tasksInput, tiersInput } from './inputs';

/** The tiers, what each multiplies by and gives, and how they are kept: the tier card and the rules page. */
export async function listTiers({ communityId }: z.output<typeof tiersInput>, caller: Caller, { store }: Deps) {
  const { community } = await requireMember(store, communityId, caller.openid);
  const { mode, windowDays, graceDays } = community.rules.tierRetention;
  const tiers = community.rules.tiers.map((tier) => ({
    name: tier.name,
    minPoints: tier.minPoints,
    multiplier: tierMultiplier(tier),
    perks: tierPerks(tier),
  }));
  return { tiers, mode, windowDays, graceDays };
}

/** Anyone's badge wall in the community, for a profile: earned badges and progress toward the rest, and the title and frame they wear. */
export async function listBadges(input: z.output<typeof badgesInput>, caller: Caller, { store }: Deps) {
  const { member: me } = await requireMember(store, input.communityId, caller.openid);
  const member =
    !input.openid || input.openid === caller.openid
      ? me
      : ((await store.get('members', ids.member(input.communityId, input.openid), READ_WITHOUT_LOTS)) ?? refusals.noSuchMember());
  return { badges: badgeWall(member), worn: wornNow(member, caller.now) };
}

/** My newcomer tasks and what each pays. */
export async function listTasks({ communityId }: z.output<typeof tasksInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, communityId, caller.openid);
  return { tasks: taskList(member, community.rules.tasks) };
}
