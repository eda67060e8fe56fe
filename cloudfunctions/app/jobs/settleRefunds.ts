import type * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { advanceRefund } from '../mall/refunds';
import { skipFailures, timeLeft } from './budget';
import { settleRefundsInput } from './inputs';

const PAGE = 50;
const PARALLEL = 5;

/**
 * Sees every refund through: one WeChat Pay has not accepted yet is asked for again (the same
 * refund number, so never twice), one accepted is asked about until WeChat Pay settles it, and a
 * settled one is told to its member once. Orders are found by `refundCheckAt` (an index), which
 * each step moves on and a settled refund no longer has, so a cut-off run resumes where it stopped.
 */
export async function settleRefunds(_input: z.output<typeof settleRefundsInput>, caller: Caller, deps: Deps) {
  const hasTime = timeLeft(deps);
  const { skipped, attempt } = skipFailures(deps, 'settleRefunds');
  let settled = 0;
  while (hasTime()) {
    const due = (
      await deps.store.find('orders', {
        where: { refundCheckAt: { lte: caller.now.toISOString() } },
        orderBy: [['refundCheckAt', 'asc']],
        limit: PAGE + skipped.size,
        fields: ['refundCheckAt'],
      })
    ).filter((o) => !skipped.has(o._id));
    if (!due.length) return { settled, more: false };
    for (let i = 0; i < due.length && hasTime(); i += PARALLEL) {
      const states = await Promise.all(
        due.slice(i, i + PARALLEL).map((order) => attempt(order._id, () => advanceRefund(deps, order._id, caller.now), null)),
      );
      settled += states.filter((state) => state === 'refunded' || state === 'failed').length;
    }
  }
  return { settled, more: true };
}
