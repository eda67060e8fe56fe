import type { Api } from '../../contract/api';
import { action, type ActionsOf } from '../kernel/dispatch';
import { campaignReport } from './campaignReport';
import { challengeProgress } from './challengeProgress';
import { endCampaign } from './endCampaign';
import { listCampaigns } from './listCampaigns';
import { upsertCampaign } from './upsertCampaign';
import { pilotReport } from './pilotReport';
import { endCampaignInput, listCampaignsInput, pilotReportInput, progressInput, reportInput, upsertCampaignInput } from './inputs';

/** The `campaigns` cloud function's actions (API.md v2 "Campaigns"). */
export const campaignsActions = {
  upsert: action(upsertCampaignInput, upsertCampaign),
  list: action(listCampaignsInput, listCampaigns),
  end: action(endCampaignInput, endCampaign),
  progress: action(progressInput, challengeProgress),
  report: action(reportInput, campaignReport),
  pilotReport: action(pilotReportInput, pilotReport),
} satisfies ActionsOf<Api['campaigns']>;
