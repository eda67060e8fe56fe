import type { Deps } from '../context';
import type { PaymentParams } from '../../platform/ports';
import type { Found, OrderDoc } from '../documents';
import type { Checkout } from './views';

/** An unpaid order waits this long for its payment before jobs.expireUnpaid cancels it. */
export const PAYMENT_WINDOW_MS = 15 * 60_000;

/**
 * The cash half of a points + cash order, ready for wx.requestPayment: WeChat Pay's unified order
 * is asked once, outside any transaction (a side effect), and its parameters kept on the order,
 * so a retry or a second tap pays the same prepay order. Null for an order without cash. If
 * WeChat Pay does not answer, the order stands (its points taken, its unit reserved) with no
 * parameters yet: the checkout asks again (mall.pay), and an order never paid lapses in 15 minutes.
 */
export async function checkout({ store, platform, log }: Deps, order: Found<OrderDoc>, context: { communityName: string; clientIp: string | null }): Promise<Checkout | null> {
  if (!order.payment) return null;
  const orderId = order._id;
  const { amountFen, expiresAt } = order.payment;
  if (order.status !== 'unpaid') return { orderId, amountFen, expiresAt, params: null };
  if (order.payment.params) return { orderId, amountFen, expiresAt, params: order.payment.params };
  let params: PaymentParams;
  try {
    params = await platform.payment.unifiedOrder({ orderId, amountFen, description: `${context.communityName}-${order.itemName}`, clientIp: context.clientIp });
  } catch (error) {
    log?.(`unifiedOrder failed for ${orderId}; the checkout will ask again`, error);
    return { orderId, amountFen, expiresAt, params: null };
  }
  await store.transaction(async (tx) => {
    const current = await tx.get('orders', orderId);
    if (current?.status === 'unpaid' && current.payment && !current.payment.params) await tx.update('orders', orderId, { payment: { ...current.payment, params } });
  });
  return { orderId, amountFen, expiresAt, params };
}
