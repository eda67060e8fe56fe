import type * as z from 'zod';
import { campaignStatus, type Campaign } from '../../core/campaigns';
import { refuse } from '../../core/errors';
import { OWNER } from '../../core/roles';
import { refusals } from '../../core/refusals';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { fieldChanges, recordAudit } from '../kernel/audit';
import type { CampaignDoc } from './documents';
import { upsertCampaignInput } from './inputs';
import { liveCampaigns, toCampaign } from './views';
import { advanceBatch, CALL_BUDGET_MS, createBatch } from '../batches/runBatch';
import { timeLeft } from '../jobs/budget';

/** Live campaigns a community may run at once: every earning action weighs each of them. */
export const MAX_LIVE_CAMPAIGNS = 10;

const AUDITED_FIELDS = [
  'name',
  'kind',
  'startsAt',
  'endsAt',
  'actions',
  'multiplier',
  'monthDay',
  'metric',
  'target',
  'bonusPoints',
  'inactiveDays',
  'pilot',
] as const;

/**
 * The owner starts or edits a campaign. The campaign document and the community's copy of its
 * live campaigns are written in one transaction, so every earning action that reads the
 * community sees the campaign exactly from its start. An ended campaign is history: it cannot
 * be edited, and a campaign cannot change its kind or whom it pilots. A segment pilot enrols the
 * segment's members as they stand now, in pages (the call, then jobs.runBatches).
 */
export async function upsertCampaign(input: z.output<typeof upsertCampaignInput>, caller: Caller, deps: Deps) {
  const { store, newId } = deps;
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const { id: givenId, ...fields } = input.campaign;
  const id = givenId ?? newId();
  const enrolment = `${id}:pilot`;
  const saved = await store.transaction(async (tx) => {
    const community = (await tx.get('communities', input.communityId)) ?? refusals.noCommunity();
    const existing = await tx.get('campaigns', id);
    if (givenId && (!existing || existing.communityId !== input.communityId)) refusals.noCampaign();
    if (existing && existing.kind !== fields.kind) refuse('INVALID_INPUT', '活动类型创建后不能更改');
    if (existing && JSON.stringify(existing.pilot ?? null) !== JSON.stringify(fields.pilot ?? null))
      refuse('INVALID_INPUT', '试点对象创建后不能更改');
    if (existing && campaignStatus(existing, caller.now) === 'ended') refuse('FORBIDDEN', '活动已结束，不能再修改');
    if (!existing && Date.parse(fields.endsAt) <= caller.now.getTime()) refuse('INVALID_INPUT', '结束时间已经过去了');
    const campaign = { id, ...fields } as Campaign;
    const live = liveCampaigns(community.campaigns ?? [], caller.now).filter((c) => c.id !== id);
    if (live.length >= MAX_LIVE_CAMPAIGNS) refuse('LIMIT_REACHED', `同时最多进行 ${MAX_LIVE_CAMPAIGNS} 个活动`);
    const at = caller.now.toISOString();
    const doc = {
      ...campaign,
      communityId: input.communityId,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      sortKey: `${existing?.createdAt ?? at}|${id}`,
    } as CampaignDoc;
    await tx.set('campaigns', id, doc);
    if (!existing && fields.pilot?.segment) {
      await createBatch(
        tx,
        enrolment,
        {
          communityId: input.communityId,
          kind: 'pilot',
          createdBy: caller.openid,
          createdAt: at,
          delta: null,
          reason: null,
          title: null,
          body: null,
          listed: false,
          segment: fields.pilot.segment,
          status: 'running',
          total: 0,
          done: 0,
          skipped: [],
          skippedCount: 0,
          cursor: '',
          runKey: `running|${at}`,
          campaignId: id,
        },
        null,
      );
    }
    await tx.update('communities', input.communityId, { campaigns: liveCampaigns([...live, campaign], caller.now) });
    const change = fieldChanges(
      existing as unknown as Record<string, unknown> | null,
      doc as unknown as Record<string, unknown>,
      AUDITED_FIELDS,
    );
    if (Object.keys(change.after).length)
      await recordAudit(tx, { communityId: input.communityId, action: 'campaigns.upsert', target: id, detail: change }, caller);
    return campaign;
  });
  if (saved.pilot?.segment) await advanceBatch(deps, enrolment, caller.now, timeLeft({ ...deps, jobBudgetMs: CALL_BUDGET_MS }));
  return { campaign: toCampaign(saved, caller.now) };
}
