import type * as z from 'zod';
import { actsAsStaff } from '../../core/roles';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import { listCampaignsInput } from './inputs';
import { liveCampaigns, toCampaign } from './views';

/** The newest this many for staff: a community's campaign history. */
const STAFF_LIST = 50;

/** Members see what is on and coming (from the community document, no further read); staff see all, newest first. */
export async function listCampaigns({ communityId }: z.output<typeof listCampaignsInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, communityId, caller.openid);
  const campaigns = actsAsStaff(member)
    ? await store.find('campaigns', { where: { communityId }, orderBy: [['sortKey', 'desc']], limit: STAFF_LIST })
    : liveCampaigns(community.campaigns ?? [], caller.now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { campaigns: campaigns.map((c) => toCampaign(c, caller.now)) };
}
