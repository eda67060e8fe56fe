import * as z from 'zod';
import { refuse } from '../../core/errors';
import { dayOf } from '../../core/days';
import { segmentRanges } from '../../core/activity';
import { OWNER } from '../../core/roles';
import { requireMember } from '../kernel/access';
import { segmentWhere } from '../kernel/activity';
import { recordAudit } from '../kernel/audit';
import { advanceBatch, CALL_BUDGET_MS, createBatch, toBatch } from '../batches/runBatch';
import { screenShortText } from '../kernel/contentScreening';
import type { Caller, Deps } from '../kernel/context';
import { once, requestKey } from '../kernel/idempotency';
import { timeLeft } from '../jobs/budget';
import { broadcastInput } from './inputs';

/** Announcements a community may send a day: more reads as spam, and members mute it. */
export const BROADCASTS_PER_DAY = 3;

/**
 * The owner tells every member of a segment (everyone when none) something, once each, as an
 * in-app notice. The day's count moves on the community in the transaction that makes the batch,
 * so racing broadcasts cannot pass three; a replay answers the same batch.
 */
export async function broadcast(input: z.output<typeof broadcastInput>, caller: Caller, deps: Deps) {
  const { community } = await requireMember(deps.store, input.communityId, caller.openid, OWNER);
  await screenShortText(deps, { openid: caller.openid, scene: 'forum', text: `${input.title}\n${input.body}`, what: '公告' });
  const today = dayOf(caller.now, community.timezone);
  const total = await deps.store.count('members', {
    communityId: input.communityId,
    ...(input.segment ? segmentWhere(segmentRanges(input.segment, today), community.timezone) : {}),
  });
  const id = requestKey('notices.broadcast', input.communityId, caller.openid, input.requestId);
  const at = caller.now.toISOString();
  await deps.store.transaction((tx) =>
    once(
      tx,
      { openid: caller.openid, requestId: input.requestId, params: { action: 'notices.broadcast', ...input }, now: caller.now },
      async () => {
        const current = (await tx.get('communities', input.communityId))!;
        const sent = current.broadcasts?.day === today ? current.broadcasts.count : 0;
        if (sent >= BROADCASTS_PER_DAY) refuse('LIMIT_REACHED', `每天最多发 ${BROADCASTS_PER_DAY} 条公告，明天再发吧`);
        await tx.update('communities', input.communityId, { broadcasts: { day: today, count: sent + 1 } });
        await createBatch(
          tx,
          id,
          {
            communityId: input.communityId,
            kind: 'broadcast',
            createdBy: caller.openid,
            createdAt: at,
            delta: null,
            reason: null,
            title: input.title,
            body: input.body,
            listed: false,
            segment: input.segment ?? null,
            status: 'running',
            total,
            done: 0,
            skipped: [],
            skippedCount: 0,
            cursor: '',
            runKey: `running|${at}`,
          },
          null,
        );
        await recordAudit(
          tx,
          {
            communityId: input.communityId,
            action: 'notices.broadcast',
            target: id,
            detail: { title: input.title, segment: input.segment ?? null, members: total },
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
