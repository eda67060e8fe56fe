import type * as z from 'zod';
import { campaignStatus, type Campaign } from '../../core/campaigns';
import { OWNER } from '../../core/roles';
import { refusals } from '../../core/refusals';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import { endCampaignInput } from './inputs';
import { liveCampaigns, toCampaign } from './views';

/** The owner ends a campaign now: it stops multiplying and paying at once. Ending one already over changes nothing. */
export async function endCampaign(input: z.output<typeof endCampaignInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const ended = await store.transaction(async (tx) => {
    const campaign = await tx.get('campaigns', input.campaignId);
    if (!campaign || campaign.communityId !== input.communityId) return refusals.noCampaign();
    if (campaignStatus(campaign, caller.now) === 'ended') return campaign;
    const at = caller.now.toISOString();
    // An upcoming campaign ended before it began keeps a window of nothing.
    const startsAt = campaignStatus(campaign, caller.now) === 'upcoming' ? at : campaign.startsAt;
    await tx.update('campaigns', input.campaignId, { startsAt, endsAt: at, updatedAt: at });
    const community = (await tx.get('communities', input.communityId)) ?? refusals.noCommunity();
    await tx.update('communities', input.communityId, {
      campaigns: liveCampaigns(
        (community.campaigns ?? []).filter((c) => c.id !== input.campaignId),
        caller.now,
      ),
    });
    await recordAudit(
      tx,
      {
        communityId: input.communityId,
        action: 'campaigns.end',
        target: input.campaignId,
        detail: { name: campaign.name, endsAt: { before: campaign.endsAt, after: at } },
      },
      caller,
    );
    return { ...campaign, startsAt, endsAt: at } as Campaign;
  });
  return { campaign: toCampaign(ended, caller.now) };
}
