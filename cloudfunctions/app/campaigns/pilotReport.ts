import type * as z from 'zod';
import { refuse } from '../../core/errors';
import { groupView, noSums, pilotWindow } from '../../core/pilots';
import { refusals } from '../../core/refusals';
import { STAFF } from '../../core/roles';
import { DuplicateError } from '../../store/port';
import { requireMember } from '../kernel/access';
import { advanceBatch, CALL_BUDGET_MS } from '../batches/runBatch';
import type { Caller, Deps } from '../kernel/context';
import { timeLeft } from '../jobs/budget';
import { pilotReportInput } from './inputs';

/**
 * Staff: a pilot against everyone else over the same days (seed 004) — per member, active days,
 * points earned and spent, and of those active in the first week, how many were in the last.
 * Every member is read once, so the comparison is a batch: one per community day (the days
 * compared end today, or at the campaign's end), carried in pages by the call and then by
 * jobs.runBatches; until it is done the answer says `running` with the members counted so far.
 */
export async function pilotReport(input: z.output<typeof pilotReportInput>, caller: Caller, deps: Deps) {
  const { community } = await requireMember(deps.store, input.communityId, caller.openid, STAFF);
  const campaign = await deps.store.get('campaigns', input.campaignId);
  if (!campaign || campaign.communityId !== input.communityId) return refusals.noCampaign();
  const pilot = campaign.pilot ?? refuse('INVALID_INPUT', '这个活动不是试点，没有对照');
  const window = pilotWindow(campaign, caller.now, community.timezone) ?? refuse('CONFLICT', '试点还没开始，开始后才有对比');
  const id = `${campaign._id}:report:${window.to}`;
  const at = caller.now.toISOString();
  try {
    await deps.store.transaction((tx) =>
      tx.create('batches', id, {
        communityId: input.communityId,
        kind: 'report',
        createdBy: caller.openid,
        createdAt: at,
        delta: null,
        reason: null,
        title: null,
        body: null,
        listed: false,
        segment: null,
        status: 'running',
        total: 0,
        done: 0,
        skipped: [],
        skippedCount: 0,
        cursor: '',
        runKey: `running|${at}`,
        campaignId: campaign._id,
        window,
        sums: { pilot: noSums(), rest: noSums() },
      }),
    );
  } catch (error) {
    // Asked before today: that day's comparison is the one carried on.
    if (!(error instanceof DuplicateError)) throw error;
  }
  const batch = (await advanceBatch(deps, id, caller.now, timeLeft({ ...deps, jobBudgetMs: CALL_BUDGET_MS })))!;
  const sums = batch.sums ?? { pilot: noSums(), rest: noSums() };
  return {
    campaignId: campaign._id,
    pilot,
    from: window.from,
    to: window.to,
    status: batch.status,
    counted: batch.done,
    compared: { pilot: groupView(sums.pilot), rest: groupView(sums.rest) },
  };
}
