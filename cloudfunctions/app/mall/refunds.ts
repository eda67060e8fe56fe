import type { RefundState } from '../../platform/ports';
import type { Deps } from '../kernel/context';
import type { AppTransaction, Found } from '../kernel/documents';
import type { OrderDoc, OrderRefund } from './documents';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';
import { ORDERS_PAGE } from './views';
import { yuan } from '../../core/money';

/** An order's one refund number (out_refund_no, ≤ 64 of [A-Za-z0-9_-]), and back. */
const refundIdOf = (orderId: string) => `R${orderId}`;
export const refundedOrder = (refundId: string): string | null => (/^R[A-Za-z0-9_-]{1,32}$/.test(refundId) ? refundId.slice(1) : null);

/** How long a refund waits before it is asked about (or asked for) again. */
export const REFUND_RECHECK_MS = 10 * 60_000;

/**
 * Starts giving the cash of a paid order back, inside the transaction that cancels it (or that
 * finds its payment late): the refund is recorded once, due at once for jobs.settleRefunds. An
 * order without collected money, or with its refund already recorded, gets nothing new.
 */
export async function startRefund(
  tx: AppTransaction,
  order: Found<OrderDoc>,
  payment: NonNullable<OrderDoc['payment']>,
  reason: string,
  now: Date,
): Promise<OrderRefund | null> {
  if (!payment.paidAt || order.refund) return null;
  const refund: OrderRefund = {
    id: refundIdOf(order._id),
    amountFen: payment.amountFen,
    reason,
    status: 'pending',
    requestedAt: now.toISOString(),
    settledAt: null,
  };
  await tx.update('orders', order._id, { refund, refundCheckAt: now.toISOString() });
  return refund;
}

/**
 * Moves one order's refund on as far as WeChat Pay says: asks for it while pending, asks where
 * it stands while processing, and settles it (the member told) once WeChat Pay reports it done.
 * Side effects are outside transactions; each answer is applied in a transaction that re-reads
 * the order, so a retry, a callback and the job racing it settle it once. Failures of the call
 * leave it due again later.
 */
export async function advanceRefund(deps: Deps, orderId: string, now: Date): Promise<OrderRefund['status'] | null> {
  const { store, platform } = deps;
  const order = await store.get('orders', orderId);
  const refund = order?.refund;
  if (!order || !refund || refund.status === 'refunded' || refund.status === 'failed') return refund?.status ?? null;
  let state: RefundState;
  try {
    state =
      refund.status === 'pending'
        ? await platform.payment.refund({ orderId, refundId: refund.id, amountFen: refund.amountFen, reason: refund.reason })
        : await platform.payment.refundState(refund.id);
  } catch (error) {
    deps.log?.(`refund ${refund.id}: WeChat Pay did not answer; asked again later`, error);
    state = 'unknown';
  }
  const settled = await store.transaction(async (tx) => {
    const current = await tx.get('orders', orderId);
    const at = now.toISOString();
    if (!current?.refund || current.refund.status === 'refunded' || current.refund.status === 'failed') return null;
    const later = new Date(now.getTime() + REFUND_RECHECK_MS).toISOString();
    if (state === 'unknown' || (state === 'accepted' && current.refund.status === 'processing')) {
      await tx.update('orders', orderId, { refundCheckAt: later });
      return null;
    }
    if (state === 'accepted') {
      await tx.update('orders', orderId, { refund: { ...current.refund, status: 'processing' }, refundCheckAt: later });
      return null;
    }
    const done: OrderRefund = { ...current.refund, status: state, settledAt: at };
    await tx.update('orders', orderId, { refund: done, refundCheckAt: null, updatedAt: at });
    if (state === 'failed') return null;
    const notice: Notice = {
      communityId: current.communityId,
      openid: current.openid,
      kind: 'order_refunded',
      refId: orderId,
      title: `「${current.itemName}」的 ¥${yuan(done.amountFen)} 已原路退回`,
      body: done.reason,
      points: 0,
    };
    await writeNotice(tx, notice, now);
    return { notice, itemName: current.itemName };
  });
  if (settled) await sendNotice(deps, settled.notice, settled.itemName, ORDERS_PAGE);
  return (await store.get('orders', orderId))?.refund?.status ?? null;
}

/** Closes an unpaid order at WeChat Pay so it cannot be paid late; best effort (its time_expire stops it anyway). */
export async function closeAtWeChatPay(deps: Deps, orderId: string): Promise<void> {
  await deps.platform.payment
    .closeOrder(orderId)
    .catch((error) => deps.log?.(`closeOrder ${orderId} failed; its time_expire still stops payment`, error));
}
