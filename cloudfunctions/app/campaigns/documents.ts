/** Stored documents of the area (the collections are listed in kernel/documents.ts). Campaigns as stored. */
import type { Campaign } from '../../core/campaigns';

export type CampaignDoc = Campaign & { communityId: string; createdAt: string; updatedAt: string; sortKey: string };
