import { createHash } from 'node:crypto';
import type { Payment } from '../ports';

/**
 * WeChat Pay's stand-in: a prepay id named after the order, as unifiedOrder would give. Nothing
 * is collected here; the local cashier (H5) or POST /dev/pay plays WeChat Pay's result.
 */
export const localPayment = (): Payment => ({
  ready: true,
  async unifiedOrder({ orderId, amountFen }) {
    const nonceStr = createHash('sha256').update(`${orderId}:${amountFen}`).digest('hex').slice(0, 32);
    return { timeStamp: String(Math.floor(Date.now() / 1000)), nonceStr, package: `prepay_id=local_${orderId}`, signType: 'MD5', paySign: 'LOCAL' };
  },
});
