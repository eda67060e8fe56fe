import * as z from 'zod';
import { OWNER } from '../../core/roles';
import { requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import { advanceBatch, CALL_BUDGET_MS, createBatch, toBatch } from '../batches/runBatch';
import { segmentWhere } from '../kernel/activity';
import { segmentRanges } from '../../core/activity';
import { dayOf } from '../../core/days';
import type { Caller, Deps } from '../kernel/context';
import { once, requestKey } from '../kernel/idempotency';
import { timeLeft } from '../jobs/budget';
import { bulkAwardInput } from './inputs';

/**
 * The owner gives points to many members at once: the listed ones (each once, however often
 * listed), or every member of a segment who had joined by the call (everyone when neither).
 * The batch and its audit line are made once per requestId; the call credits as many as its time
 * allows and jobs.runBatches the rest, each member once however often a page is done again.
 */
export async function bulkAward(input: z.output<typeof bulkAwardInput>, caller: Caller, deps: Deps) {
  const { community } = await requireMember(deps.store, input.communityId, caller.openid, OWNER);
  const openids = input.openids ? [...new Set(input.openids)] : null;
  const today = dayOf(caller.now, community.timezone);
  const total =
    openids?.length ??
    (await deps.store.count('members', {
      communityId: input.communityId,
      ...(input.segment ? segmentWhere(segmentRanges(input.segment, today), community.timezone) : {}),
    }));
  const id = requestKey('points.bulkAward', input.communityId, caller.openid, input.requestId);
  const at = caller.now.toISOString();
  await deps.store.transaction((tx) =>
    once(
      tx,
      { openid: caller.openid, requestId: input.requestId, params: { action: 'points.bulkAward', ...input }, now: caller.now },
      async () => {
        await createBatch(
          tx,
          id,
          {
            communityId: input.communityId,
            kind: 'award',
            createdBy: caller.openid,
            createdAt: at,
            delta: input.delta,
            reason: input.reason,
            title: null,
            body: null,
            listed: Boolean(openids),
            segment: input.segment ?? null,
            status: 'running',
            total,
            done: 0,
            skipped: [],
            skippedCount: 0,
            cursor: openids ? 0 : '',
            runKey: `running|${at}`,
          },
          openids && { openids },
        );
        await recordAudit(
          tx,
          {
            communityId: input.communityId,
            action: 'points.bulkAward',
            target: id,
            detail: { delta: input.delta, reason: input.reason, members: total, segment: input.segment ?? null },
          },
          caller,
        );
        return { batchId: id };
      },
    ),
  );
  const batch = await advanceBatch(deps, id, caller.now, timeLeft({ ...deps, jobBudgetMs: CALL_BUDGET_MS }));
  return { batch: toBatch(batch!) };
}
