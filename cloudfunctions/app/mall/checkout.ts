import type { Deps } from '../kernel/context';
import type { Found } from '../kernel/documents';
import type { OrderDoc } from './documents';
import type { PaymentParams, Checkout } from '../../contract/views';

/** An unpaid order waits this long for its payment before jobs.expireUnpaid cancels it. */
export const PAYMENT_WINDOW_MS = 15 * 60_000;

/**
 * The cash half of a points + cash order, ready for wx.requestPayment: WeChat Pay's unified order
 * is asked once, outside any transaction (a side effect), and its parameters kept on the order,
 * so a retry, a second tap or a replayed redemption gets the same prepay order — the first
 * answer, whatever became of the order since. Null for an order without cash. If WeChat Pay does
 * not answer, the order stands (its points taken, its unit reserved) with no parameters yet: the
 * checkout asks again (mall.pay) while it is unpaid, and an order never paid lapses in 15 minutes.
 */
export async function checkout(
  { store, platform, log }: Deps,
  order: Found<OrderDoc>,
  context: { communityName: string; clientIp: string | null },
): Promise<Checkout | null> {
  if (!order.payment) return null;
  const orderId = order._id;
  const { amountFen, expiresAt, params: given } = order.payment;
  if (given || order.status !== 'unpaid') return { orderId, amountFen, expiresAt, params: given };
  let params: PaymentParams;
  try {
    params = await platform.payment.unifiedOrder({
      orderId,
      amountFen,
      description: `${context.communityName}-${order.itemName}`,
      clientIp: context.clientIp,
      expiresAt,
    });
  } catch (error) {
    log?.(`unifiedOrder failed for ${orderId}; the checkout will ask again`, error);
    return { orderId, amountFen, expiresAt, params: null };
  }
  // Two checkouts racing for one order: the parameters written first are the ones both hand out.
  const kept = await store.transaction(async (tx) => {
    const current = await tx.get('orders', orderId);
    if (current?.payment?.params) return current.payment.params;
    if (current?.status === 'unpaid' && current.payment) await tx.update('orders', orderId, { payment: { ...current.payment, params } });
    return params;
  });
  return { orderId, amountFen, expiresAt, params: kept };
}
