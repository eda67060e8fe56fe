import Taro from '@tarojs/taro';
import type { Checkout } from '../../cloudfunctions/contract/api';

/** How a payment sheet ended, as the payer saw it (the order's status is the server's to say). */
export type PayOutcome = 'paid' | 'cancelled' | 'failed';

/** Shows the payment sheet for an order's cash half: WeChat Pay in the mini-program, the local cashier in H5. */
export interface Payer {
  pay(checkout: Checkout): Promise<PayOutcome>;
}

/** wx.requestPayment with the parameters cloudPay.unifiedOrder gave; closing the sheet is a cancel, not a failure. */
export const wechatPayer: Payer = {
  async pay({ params }) {
    if (!params) return 'failed';
    try {
      // Taro passes requestPayment straight to wx (it is not among the APIs Taro promisifies on
      // weapp), so the sheet's ending is taken from its own callbacks.
      await new Promise((resolve, reject) =>
        Taro.requestPayment({ ...params, signType: params.signType as 'MD5', success: resolve, fail: reject }),
      );
      return 'paid';
    } catch (error) {
      return /cancel/.test(String((error as { errMsg?: string })?.errMsg ?? error)) ? 'cancelled' : 'failed';
    }
  },
};

const waiting = new Map<string, (outcome: PayOutcome) => void>();

/**
 * Locally WeChat Pay's sheet is a page (packages/mall/pages/cashier): it plays the payment result
 * with POST /dev/pay and tells the waiting payer here how it ended.
 */
export const localCashierPayer: Payer = {
  pay(checkout) {
    return new Promise((resolve) => {
      waiting.get(checkout.orderId)?.('cancelled');
      waiting.set(checkout.orderId, resolve);
      void Taro.navigateTo({
        url: `/packages/mall/pages/cashier/index?orderId=${encodeURIComponent(checkout.orderId)}&amountFen=${checkout.amountFen}`,
      });
    });
  },
};

/** The local cashier is done with an order (a second call is nothing: leaving the page after paying). */
export function cashierDone(orderId: string, outcome: PayOutcome): void {
  waiting.get(orderId)?.(outcome);
  waiting.delete(orderId);
}
