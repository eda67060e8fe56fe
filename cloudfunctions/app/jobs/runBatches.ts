import type * as z from 'zod';
import { advanceBatch } from '../batches/runBatch';
import type { Caller, Deps } from '../kernel/context';
import { skipFailures, timeLeft } from './budget';
import { runBatchesInput } from './inputs';

/**
 * Carries on the bulk awards and broadcasts still running, oldest first, each as far as the time
 * budget allows (runBatch.ts: every member once, counted once); one left running is taken up by
 * the next tick. Found by `runKey`, which a finished batch no longer has.
 */
export async function runBatches(_input: z.output<typeof runBatchesInput>, caller: Caller, deps: Deps) {
  const hasTime = timeLeft(deps);
  const { skipped, attempt } = skipFailures(deps, 'runBatches');
  let advanced = 0;
  while (hasTime()) {
    const running = (
      await deps.store.find('batches', {
        where: { runKey: { lte: 'running|\uffff' } },
        orderBy: [['runKey', 'asc']],
        limit: 10 + skipped.size,
        fields: ['status'],
      })
    ).filter((b) => !skipped.has(b._id));
    if (!running.length) return { advanced, more: false };
    for (const batch of running) {
      if (!hasTime()) break;
      await attempt(batch._id, () => advanceBatch(deps, batch._id, caller.now, hasTime), null);
      advanced += 1;
    }
  }
  return { advanced, more: true };
}
