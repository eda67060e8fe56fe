import type { Deps } from '../context';
import { refusals } from '../../core/refusals';
import { toOrder } from './views';

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
 * retries its callback until answered). A success marks an unpaid order paid: status pending, to
 * be shipped. A success for an order the expiry job already cancelled (its points refunded, its
 * stock back) is kept as paidAfterExpiry for the owner to refund the money. A failure changes
 * nothing: the member may pay again until the order expires. Never reachable from a client: the
 * cloud's payNotify verifies with WeChat Pay first; locally only POST /dev/pay calls it.
 */
export async function applyPayment({ store }: Deps, result: PaymentResult, now: Date) {
  return store.transaction(async (tx) => {
    const order = (await tx.get('orders', result.orderId)) ?? refusals.noOrder();
    const payment = order.payment;
    if (!payment) return refusals.noOrder();
    const answer = (outcome: PaymentOutcome, changes: object = {}) => ({ outcome, order: toOrder({ ...order, ...changes }) });
    if (!result.success) return answer('failed');
    if (payment.paidAt) return answer('alreadyPaid');
    if (result.amountFen !== null && result.amountFen !== payment.amountFen) return answer('amountMismatch');
    const paid = { ...payment, paidAt: now.toISOString(), transactionId: result.transactionId };
    const changes =
      order.status === 'unpaid'
        ? { status: 'pending' as const, payment: paid, unpaidUntil: null, updatedAt: now.toISOString() }
        : { payment: paid, paidAfterExpiry: true, updatedAt: now.toISOString() };
    await tx.update('orders', result.orderId, changes);
    return answer(order.status === 'unpaid' ? 'paid' : 'paidAfterExpiry', changes);
  });
}
