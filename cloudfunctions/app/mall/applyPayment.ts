import type { Deps } from '../kernel/context';
import { refusals } from '../../core/refusals';
import { loadCommunity } from '../kernel/access';
import { lapseUnpaid, paymentLapsed } from './lapseUnpaid';
import { advanceRefund, startRefund } from './refunds';
import { ORDERS_PAGE, toOrder } from './views';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';
import type { OrderDoc } from './documents';
import { yuan } from '../../core/money';

/** What a payment result did to its order. */
export type PaymentOutcome = 'paid' | 'alreadyPaid' | 'paidAfterExpiry' | 'failed' | 'amountMismatch';

export interface PaymentResult {
  orderId: string;
  success: boolean;
  /** WeChat Pay's transaction id (null for a failure or the local cashier's made-up one). */
  transactionId: string | null;
  /** What was collected, when the payer's side says (checked against the order). */
  amountFen: number | null;
}

/**
 * WeChat Pay's result for a points + cash order, applied once however often it arrives (WeChat
 * retries its callback until answered). A success within the order's payment window marks it
 * paid: status pending, to be shipped. A success after the window — the expiry job has cancelled
 * the order, or has not run yet — is kept as paidAfterExpiry on a cancelled order (points refunded,
 * stock back, lapsing it here if the job has not), and its money is refunded at once. A failure changes
 * nothing: the member may pay again until the order expires. Never reachable from a client: the
 * cloud's payNotify verifies with WeChat Pay first; locally only POST /dev/pay calls it.
 */
/** The member hears their money arrived, and what happens next. */
const paidNotice = (order: OrderDoc & { _id: string }, payment: NonNullable<OrderDoc['payment']>): Notice => ({
  communityId: order.communityId,
  openid: order.openid,
  kind: 'order_paid',
  refId: order._id,
  title: `「${order.itemName}」已支付 ¥${yuan(payment.amountFen)}，等待发货`,
  body: '群主发货后会通知你',
  points: 0,
});

export async function applyPayment(deps: Deps, result: PaymentResult, now: Date) {
  const { store } = deps;
  // A late payment lapses the order here, which needs its community's rules: read before the transaction, as every posting does.
  const placed = (await store.get('orders', result.orderId)) ?? refusals.noOrder();
  const community = await loadCommunity(store, placed.communityId);
  let lapseTold: Notice | null = null;
  const applied = await store.transaction(async (tx) => {
    lapseTold = null;
    const order = (await tx.get('orders', result.orderId)) ?? refusals.noOrder();
    const payment = order.payment;
    if (!payment) return refusals.noOrder();
    const answer = (outcome: PaymentOutcome, changes: object = {}) => ({ outcome, order: toOrder({ ...order, ...changes }) });
    if (!result.success) return answer('failed');
    if (payment.paidAt) return answer('alreadyPaid');
    if (result.amountFen !== null && result.amountFen !== payment.amountFen) return answer('amountMismatch');
    const paid = { ...payment, paidAt: now.toISOString(), transactionId: result.transactionId };
    if (order.status === 'unpaid' && !paymentLapsed(order, now)) {
      const changes = {
        status: 'pending' as const,
        payment: paid,
        unpaidUntil: null,
        updatedAt: now.toISOString(),
        ...(order.pickupCode ? { pickupState: 'waiting' as const } : {}),
      };
      await tx.update('orders', result.orderId, changes);
      await writeNotice(tx, paidNotice(order, paid), now);
      return answer('paid', changes);
    }
    // Money for an order that is no longer for sale goes straight back (refunds.ts), after the order is settled.
    const lateRefund = '付款晚于 15 分钟的支付时限，自动退款';
    if (order.status === 'unpaid') {
      lapseTold = await lapseUnpaid(tx, order, community, now, paid);
      const refund = await startRefund(tx, order, paid, lateRefund, now);
      return answer('paidAfterExpiry', {
        status: 'cancelled',
        cancelReason: '超时未支付',
        payment: paid,
        paidAfterExpiry: true,
        unpaidUntil: null,
        refund,
      });
    }
    const changes = { payment: paid, paidAfterExpiry: true, updatedAt: now.toISOString() };
    await tx.update('orders', result.orderId, changes);
    const refund = await startRefund(tx, order, paid, lateRefund, now);
    return answer('paidAfterExpiry', { ...changes, refund });
  });
  if (applied.outcome === 'paid') await sendNotice(deps, paidNotice(placed, placed.payment!), placed.itemName, ORDERS_PAGE);
  if (lapseTold) await sendNotice(deps, lapseTold, placed.itemName, ORDERS_PAGE);
  if (applied.outcome !== 'paidAfterExpiry') return applied;
  await advanceRefund(deps, result.orderId, now);
  const order = await store.get('orders', result.orderId);
  return order ? { ...applied, order: toOrder(order) } : applied;
}
