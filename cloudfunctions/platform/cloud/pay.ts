import { clipBytes } from '../../core/content';
import { randomBytes } from 'node:crypto';
import type { Payment } from '../ports';
import type { PaymentParams } from '../../contract/views';

/** The part of wx-server-sdk's cloudPay this project calls (云开发 微信支付: no certificates, no signing here). */
export interface WxCloudPay {
  cloudPay: {
    unifiedOrder(params: {
      body: string;
      outTradeNo: string;
      spbillCreateIp: string;
      subMchId: string;
      totalFee: number;
      envId: string;
      functionName: string;
      nonceStr: string;
      tradeType: 'JSAPI';
      timeStart: string;
      timeExpire: string;
    }): Promise<{ returnCode?: string; returnMsg?: string; resultCode?: string; errCodeDes?: string; payment?: PaymentParams }>;
    closeOrder(params: {
      subMchId: string;
      outTradeNo: string;
      nonceStr: string;
    }): Promise<{ returnCode?: string; resultCode?: string; errCode?: string | number; errCodeDes?: string }>;
    refund(params: {
      subMchId: string;
      outTradeNo: string;
      outRefundNo: string;
      totalFee: number;
      refundFee: number;
      refundDesc: string;
      envId: string;
      functionName: string;
      nonceStr: string;
    }): Promise<{ returnCode?: string; returnMsg?: string; resultCode?: string; errCode?: string | number; errCodeDes?: string }>;
    queryRefund(params: { subMchId: string; outRefundNo: string; nonceStr: string }): Promise<{
      returnCode?: string;
      resultCode?: string;
      refundStatusList?: string[];
      refundStatus_0?: string;
    }>;
    queryOrder(params: { subMchId: string; outTradeNo: string; nonceStr: string }): Promise<{
      returnCode?: string;
      resultCode?: string;
      tradeState?: string;
      totalFee?: number;
      transactionId?: string;
    }>;
  };
}

/** Where the money goes and who hears of it: the merchant bound in 云开发控制台, this environment, the callback function. */
export interface PaySettings {
  subMchId: string;
  envId: string;
  functionName: string;
}

/** The callback cloud function named in functionName (cloudfunctions/functions/payNotify). */
export const PAY_CALLBACK_FUNCTION = 'payNotify';

/** From the function's environment (README: 微信支付): WX_PAY_SUB_MCH_ID, and the env id WeChat gives the function. */
export function paySettings(env: NodeJS.ProcessEnv, envId: string | undefined): PaySettings | null {
  const subMchId = env.WX_PAY_SUB_MCH_ID?.trim();
  const environment = env.WX_PAY_ENV_ID?.trim() || envId;
  return subMchId && environment ? { subMchId, envId: environment, functionName: PAY_CALLBACK_FUNCTION } : null;
}

const nonce = () => randomBytes(16).toString('hex');
/** unifiedOrder's `body` is String(128), counted in bytes: a Chinese name cut at 120 characters overflowed it. */
export const PAY_BODY_BYTES = 128;

/** cloud.cloudPay.unifiedOrder: the payer is the member calling the function (cloudPay takes them from its context). */
export function wxPayment(cloud: WxCloudPay, settings: PaySettings | null): Payment {
  return {
    ready: settings !== null,
    async unifiedOrder({ orderId, amountFen, description, clientIp, expiresAt }) {
      const merchant = required(settings);
      const reply = await cloud.cloudPay.unifiedOrder({
        body: clipBytes(description, PAY_BODY_BYTES),
        outTradeNo: orderId,
        spbillCreateIp: clientIp || '127.0.0.1',
        subMchId: merchant.subMchId,
        totalFee: amountFen,
        envId: merchant.envId,
        functionName: merchant.functionName,
        nonceStr: nonce(),
        tradeType: 'JSAPI',
        // WeChat Pay stops collecting when our window closes: a lapsed order cannot be paid.
        timeStart: payTime(new Date()),
        timeExpire: payTime(new Date(expiresAt)),
      });
      if (reply.returnCode !== 'SUCCESS' || reply.resultCode !== 'SUCCESS' || !reply.payment) {
        throw new Error(`cloudPay.unifiedOrder: ${reply.returnMsg ?? ''} ${reply.errCodeDes ?? ''}`.trim());
      }
      return reply.payment;
    },
    async closeOrder(orderId) {
      const merchant = required(settings);
      const reply = await cloud.cloudPay.closeOrder({ subMchId: merchant.subMchId, outTradeNo: orderId, nonceStr: nonce() });
      // Closed already, or never placed at WeChat Pay: the same end.
      if (
        reply.returnCode === 'SUCCESS' &&
        (reply.resultCode === 'SUCCESS' || reply.errCode === 'ORDERCLOSED' || reply.errCode === 'ORDERNOTEXIST')
      )
        return;
      throw new Error(`cloudPay.closeOrder: ${reply.errCode ?? ''} ${reply.errCodeDes ?? ''}`.trim());
    },
    async refund({ orderId, refundId, amountFen, reason }) {
      const merchant = required(settings);
      const reply = await cloud.cloudPay.refund({
        subMchId: merchant.subMchId,
        outTradeNo: orderId,
        outRefundNo: refundId,
        totalFee: amountFen,
        refundFee: amountFen,
        refundDesc: clipBytes(reason, 80),
        envId: merchant.envId,
        functionName: merchant.functionName,
        nonceStr: nonce(),
      });
      // Accepted is not refunded: the callback or queryRefund says when it is (WeChat's rule).
      if (reply.returnCode === 'SUCCESS' && reply.resultCode === 'SUCCESS') return 'accepted';
      throw new Error(`cloudPay.refund: ${reply.returnMsg ?? ''} ${reply.errCode ?? ''} ${reply.errCodeDes ?? ''}`.trim());
    },
    async refundState(refundId) {
      const merchant = required(settings);
      const reply = await cloud.cloudPay.queryRefund({ subMchId: merchant.subMchId, outRefundNo: refundId, nonceStr: nonce() });
      if (reply.returnCode !== 'SUCCESS' || reply.resultCode !== 'SUCCESS') return 'unknown';
      const status = reply.refundStatusList?.[0] ?? reply.refundStatus_0;
      return status === 'SUCCESS'
        ? 'refunded'
        : status === 'PROCESSING'
          ? 'accepted'
          : status === 'REFUNDCLOSE' || status === 'CHANGE'
            ? 'failed'
            : 'unknown';
    },
  };
}

const required = (settings: PaySettings | null): PaySettings => {
  if (!settings) throw new Error('WX_PAY_SUB_MCH_ID is not set: no merchant account is bound');
  return settings;
};

/** WeChat Pay v2 time: yyyyMMddHHmmss in Beijing time. */
export const payTime = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);

/** What WeChat Pay's result callback carries (its notify parameters, camel-cased by 云开发). */
export interface PayNotice {
  returnCode?: string;
  resultCode?: string;
  subMchId?: string;
  outTradeNo?: string;
  totalFee?: number;
  transactionId?: string;
}

/**
 * A payment result is believed only when WeChat Pay itself confirms it: the callback's event is
 * unsigned JSON, and a client could call the function with any event it likes. So the order is
 * asked of WeChat Pay again (queryOrder): paid (tradeState SUCCESS), to our merchant, for the
 * amount WeChat Pay reports. Null when it is not a confirmed success.
 */
export async function confirmedPayment(
  cloud: WxCloudPay,
  settings: PaySettings,
  notice: PayNotice,
): Promise<{ orderId: string; amountFen: number; transactionId: string } | null> {
  if (notice.returnCode !== 'SUCCESS' || notice.resultCode !== 'SUCCESS' || notice.subMchId !== settings.subMchId) return null;
  if (!notice.outTradeNo || !/^[A-Za-z0-9_-]{1,32}$/.test(notice.outTradeNo)) return null;
  const trade = await cloud.cloudPay.queryOrder({ subMchId: settings.subMchId, outTradeNo: notice.outTradeNo, nonceStr: nonce() });
  if (trade.returnCode !== 'SUCCESS' || trade.resultCode !== 'SUCCESS' || trade.tradeState !== 'SUCCESS' || !trade.transactionId)
    return null;
  return { orderId: notice.outTradeNo, amountFen: Number(trade.totalFee), transactionId: trade.transactionId };
}
