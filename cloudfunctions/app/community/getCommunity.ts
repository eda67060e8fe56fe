import { rulesFor } from '../../core/campaigns';
import { actingRole } from '../../core/roles';
import type { Caller, Deps } from '../kernel/context';
import { loadCommunity, READ_WITHOUT_LOTS } from '../kernel/access';
import { ids } from '../kernel/documents';
import { toCommunity } from './toCommunity';
import type * as z from 'zod';
import { getCommunityInput } from './inputs';

/**
 * Open to outsiders too: a share card must show what they are joining. The role is the one the
 * caller may act in now, so a banned moderator's app offers no staff tools it would refuse.
 * A plain member's rules are their own: a rules pilot they are in shows its numbers.
 */
export async function getCommunity({ communityId }: z.output<typeof getCommunityInput>, caller: Caller, { store }: Deps) {
  const [community, member] = await Promise.all([
    loadCommunity(store, communityId),
    store.get('members', ids.member(communityId, caller.openid), READ_WITHOUT_LOTS),
  ]);
  const role = member ? actingRole(member) : null;
  // A member sees the rules they earn by (a rules pilot may change them); staff see the community's, which they edit.
  const rules = member && role === 'member' ? rulesFor(community.rules, community.campaigns ?? [], member, caller.now) : community.rules;
  return { community: toCommunity({ ...community, rules }), role };
}
