import { campaignStatus, type Campaign } from '../../core/campaigns';
import type { CampaignView } from '../../contract/views';

/** A campaign as the API shows it: as stored, and where it stands now. */
export const toCampaign = (campaign: Campaign, now: Date): CampaignView => {
  const { id, kind, name, startsAt, endsAt } = campaign;
  const rest =
    campaign.kind === 'multiplier'
      ? { actions: campaign.actions, multiplier: campaign.multiplier, monthDay: campaign.monthDay ?? null }
      : campaign.kind === 'challenge'
        ? { metric: campaign.metric, target: campaign.target, bonusPoints: campaign.bonusPoints }
        : campaign.kind === 'rules'
          ? { rules: campaign.rules }
          : { inactiveDays: campaign.inactiveDays, bonusPoints: campaign.bonusPoints };
  return {
    id,
    kind,
    name,
    startsAt,
    endsAt,
    ...rest,
    pilot: campaign.pilot ?? null,
    status: campaignStatus(campaign, now),
  } as CampaignView;
};

/** The campaigns a community document keeps: not over at `now` (so earning actions see them for free). */
export const liveCampaigns = (campaigns: readonly Campaign[], now: Date): Campaign[] =>
  campaigns.filter((c) => campaignStatus(c, now) !== 'ended');
