import type * as z from 'zod';
import { campaignsFor } from '../../core/pilots';
import { actsAsStaff } from '../../core/roles';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { listCampaignsInput } from './inputs';
import { pageOf } from '../kernel/paging';
import { liveCampaigns, toCampaign } from './views';

/**
 * Members see what is on and coming for them (from the community document, no further read; at most
 * MAX_LIVE_CAMPAIGNS, so one page); staff see the community's whole history, newest first, a page at a time.
 */
export async function listCampaigns(input: z.output<typeof listCampaignsInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, input.communityId, caller.openid);
  if (!actsAsStaff(member)) {
    // A pilot is shown only to its members: the others would see a banner that pays them nothing.
    const live = campaignsFor(liveCampaigns(community.campaigns ?? [], caller.now), member).sort((a, b) =>
      a.startsAt.localeCompare(b.startsAt),
    );
    return { campaigns: live.map((c) => toCampaign(c, caller.now)), nextCursor: null };
  }
  const { rows, nextCursor } = await pageOf(store, 'campaigns', { communityId: input.communityId }, { ...input, order: 'desc' });
  return { campaigns: rows.map((c) => toCampaign(c, caller.now)), nextCursor };
}
