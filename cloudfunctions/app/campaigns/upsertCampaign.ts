import type * as z from 'zod';
import { campaignStatus, type Campaign } from '../../core/campaigns';
import { refuse } from '../../core/errors';
import { OWNER } from '../../core/roles';
import { refusals } from '../../core/refusals';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import { fieldChanges, recordAudit } from '../audit';
import type { CampaignDoc } from '../documents';
import { upsertCampaignInput } from './inputs';
import { liveCampaigns, toCampaign } from './views';

/** Live campaigns a community may run at once: every earning action weighs each of them. */
export const MAX_LIVE_CAMPAIGNS = 10;

const AUDITED_FIELDS = ['name', 'kind', 'startsAt', 'endsAt', 'actions', 'multiplier', 'monthDay', 'metric', 'target', 'bonusPoints', 'inactiveDays'] as const;

/**
 * The owner starts or edits a campaign. The campaign document and the community's copy of its
 * live campaigns are written in one transaction, so every earning action that reads the
 * community sees the campaign exactly from its start. An ended campaign is history: it cannot
 * be edited, and a campaign cannot change its kind.
 */
export async function upsertCampaign(input: z.output<typeof upsertCampaignInput>, caller: Caller, { store, newId }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const { id: givenId, ...fields } = input.campaign;
  const id = givenId ?? newId();
  const saved = await store.transaction(async (tx) => {
    const community = (await tx.get('communities', input.communityId)) ?? refusals.noCommunity();
    const existing = await tx.get('campaigns', id);
    if (givenId && (!existing || existing.communityId !== input.communityId)) refusals.noCampaign();
    if (existing && existing.kind !== fields.kind) refuse('INVALID_INPUT', '活动类型创建后不能更改');
    if (existing && campaignStatus(existing, caller.now) === 'ended') refuse('FORBIDDEN', '活动已结束，不能再修改');
    if (!existing && Date.parse(fields.endsAt) <= caller.now.getTime()) refuse('INVALID_INPUT', '结束时间已经过去了');
    const campaign = { id, ...fields } as Campaign;
    const live = liveCampaigns(community.campaigns ?? [], caller.now).filter((c) => c.id !== id);
    if (live.length >= MAX_LIVE_CAMPAIGNS) refuse('LIMIT_REACHED', `同时最多进行 ${MAX_LIVE_CAMPAIGNS} 个活动`);
    const at = caller.now.toISOString();
    const doc = { ...campaign, communityId: input.communityId, createdAt: existing?.createdAt ?? at, updatedAt: at, sortKey: `${existing?.createdAt ?? at}|${id}` } as CampaignDoc;
    await tx.set('campaigns', id, doc);
    await tx.update('communities', input.communityId, { campaigns: liveCampaigns([...live, campaign], caller.now) });
    const change = fieldChanges(existing as unknown as Record<string, unknown> | null, doc as unknown as Record<string, unknown>, AUDITED_FIELDS);
    if (Object.keys(change.after).length) await recordAudit(tx, { communityId: input.communityId, action: 'campaigns.upsert', target: id, detail: change }, caller);
    return campaign;
  });
  return { campaign: toCampaign(saved, caller.now) };
}
