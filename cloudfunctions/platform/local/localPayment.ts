import { createHash } from 'node:crypto';
import type { Payment, RefundState } from '../ports';

/**
 * WeChat Pay's stand-in: a prepay id named after the order, as unifiedOrder would give. Nothing
 * is collected here; the local cashier (H5) or POST /dev/pay plays WeChat Pay's result. A refund
 * is accepted when asked and settled by the next question about it, as WeChat Pay settles one a
 * little later; closing an order is noted (POST /dev/pay still plays a payment that raced it).
 */
export const localPayment = (): Payment & { closed: Set<string> } => {
  const refunds = new Map<string, RefundState>();
  const closed = new Set<string>();
  return {
    ready: true,
    closed,
    async unifiedOrder({ orderId, amountFen }) {
      const nonceStr = createHash('sha256').update(`${orderId}:${amountFen}`).digest('hex').slice(0, 32);
      return {
        timeStamp: String(Math.floor(Date.now() / 1000)),
        nonceStr,
        package: `prepay_id=local_${orderId}`,
        signType: 'MD5',
        paySign: 'LOCAL',
      };
    },
    async closeOrder(orderId) {
      closed.add(orderId);
    },
    async refund({ refundId }) {
      if (!refunds.has(refundId)) refunds.set(refundId, 'accepted');
      return refunds.get(refundId)!;
    },
    async refundState(refundId) {
      if (refunds.get(refundId) === 'accepted') refunds.set(refundId, 'refunded');
      return refunds.get(refundId) ?? 'unknown';
    },
  };
};
