import type * as z from 'zod';
import { refuse } from '../../core/errors';
import { OWNER } from '../../core/roles';
import { requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import { advanceBatch, CALL_BUDGET_MS, createBatch, toBatch } from '../batches/runBatch';
import type { Caller, Deps } from '../kernel/context';
import { once, requestKey } from '../kernel/idempotency';
import { timeLeft } from '../jobs/budget';
import { importBalancesInput } from './inputs';
import { pointsOf, sheetOf } from './sheetOf';
import { toImport } from './views';

/**
 * The owner brings the community's old spreadsheet in: each valid row becomes a credit waiting
 * for its member (openRow), written in pages by the import's batch — in the call while it has
 * time, then by jobs.runBatches. Rows with a problem stop the import unless the owner chose to
 * leave them out; then their lines are kept on the import. Once per requestId, audited once.
 */
export async function importBalances(input: z.output<typeof importBalancesInput>, caller: Caller, deps: Deps) {
  await requireMember(deps.store, input.communityId, caller.openid, OWNER);
  const { rows, problems } = sheetOf(input.file);
  if (problems.length && !input.skipProblems) {
    const lines = problems
      .slice(0, 5)
      .map((p) => p.line)
      .join('、');
    refuse(
      'INVALID_INPUT',
      `${problems.length} 行有问题（第 ${lines}${problems.length > 5 ? ' 等' : ''} 行）：改正后再导入，或选择跳过这些行`,
    );
  }
  if (rows.length === 0) refuse('INVALID_INPUT', '没有可以导入的行');
  const id = requestKey('points.importBalances', input.communityId, caller.openid, input.requestId);
  const at = caller.now.toISOString();
  const points = pointsOf(rows);
  await deps.store.transaction((tx) =>
    once(
      tx,
      { openid: caller.openid, requestId: input.requestId, params: { action: 'points.importBalances', ...input }, now: caller.now },
      async () => {
        const skippedLines = problems.map((p) => p.line);
        await tx.create('balanceImports', id, {
          communityId: input.communityId,
          createdBy: caller.openid,
          createdAt: at,
          rows: rows.length,
          points,
          skippedLines,
          secret: `${deps.newId()}${deps.newId()}`,
          sortKey: `${at}|${id}`,
        });
        await createBatch(
          tx,
          id,
          {
            communityId: input.communityId,
            kind: 'import',
            createdBy: caller.openid,
            createdAt: at,
            delta: null,
            reason: null,
            title: null,
            body: null,
            listed: true,
            segment: null,
            status: 'running',
            total: rows.length,
            done: 0,
            skipped: [],
            skippedCount: 0,
            cursor: 0,
            runKey: `running|${at}`,
          },
          { rows },
        );
        await recordAudit(
          tx,
          {
            communityId: input.communityId,
            action: 'points.importBalances',
            target: id,
            detail: { rows: rows.length, points, skippedLines: skippedLines.length },
          },
          caller,
        );
        return { importId: id };
      },
    ),
  );
  const batch = await advanceBatch(deps, id, caller.now, timeLeft({ ...deps, jobBudgetMs: CALL_BUDGET_MS }));
  return { import: await toImport(deps.store, (await deps.store.get('balanceImports', id))!), batch: toBatch(batch!) };
}
