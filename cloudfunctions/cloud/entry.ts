import { COMMUNITY_CACHE, type Deps } from '../app/kernel/context';
import { makeDeps } from '../app/kernel/deps';
import { withReadCache } from '../store/readCache';
import { dispatch, type Actions } from '../app/kernel/dispatch';
import { WxCloudStore } from '../store/wxcloud/wxcloudStore';
import type { WxDatabase } from '../store/wxcloud/wxDatabase';
import { confirmedPayment, paySettings, wxPayment, type PayNotice, type WxCloudPay } from '../platform/cloud/pay';
import { applyPayment } from '../app/mall/applyPayment';
import { advanceRefund, refundedOrder } from '../app/mall/refunds';
import { templatesFrom, wxMessenger, type WxSubscribeMessage } from '../platform/cloud/subscriptions';
import {
  labelText,
  wxContentSecurity,
  wxDownloads,
  wxMiniProgramCodes,
  wxOpenData,
  wxRiskControl,
  type WxOpenApi,
} from '../platform/cloud/openapi';

/** What this project uses of wx-server-sdk; the SDK itself is loaded only in the cloud. */
type WxServerSdk = Omit<WxOpenApi, 'getWXContext'> &
  WxCloudPay &
  WxSubscribeMessage & {
    DYNAMIC_CURRENT_ENV: unknown;
    init(options: { env: unknown }): void;
    database(): WxDatabase;
    getWXContext(): { OPENID?: string; SOURCE?: string; APPID?: string; CLIENTIP?: string; ENV?: string };
  };

let deps: Deps | undefined;

function cloudDeps(cloud: WxServerSdk): Deps {
  if (!deps) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    const log = (message: string, error?: unknown) => console.error(message, error);
    deps = makeDeps({
      store: withReadCache(new WxCloudStore(cloud.database()), COMMUNITY_CACHE),
      log,
      platform: {
        openData: wxOpenData(cloud),
        content: wxContentSecurity(cloud),
        messages: wxMessenger(cloud, templatesFrom(process.env.SUBSCRIPTION_TEMPLATES, log), log),
        risk: wxRiskControl(cloud),
        codes: wxMiniProgramCodes(cloud),
        downloads: wxDownloads(cloud),
        payment: wxPayment(cloud, paySettings(process.env, cloud.getWXContext().ENV)),
      },
      // Jobs stop within this budget; raise it with the function's timeout (README: deploying).
      jobBudgetMs: Number(process.env.JOB_BUDGET_MS) || undefined,
    });
  }
  return deps;
}

/**
 * The cloud function entry: identity and source from the WeChat context — never from the
 * event — and the clock from the platform. `export const main = cloudEntry(checkinActions)`.
 */
export function cloudEntry(actions: Actions) {
  const handle = dispatch(actions);
  return async (event: unknown) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk') as WxServerSdk;
    const { OPENID, SOURCE, CLIENTIP } = cloud.getWXContext();
    const context = { openid: OPENID || null, source: SOURCE ?? null, now: new Date(), clientIp: CLIENTIP ?? null };
    return handle(platformEvent(event) ?? event, context, cloudDeps(cloud));
  };
}

/**
 * Events the platform sends on its own, as the action they mean:
 *  - a timer trigger, {Type: 'Timer', TriggerName}: its trigger is named after the action;
 *  - a pushed image-check verdict, {Event: 'wxa_media_check', trace_id, result}: posts.mediaVerdict.
 */
export function platformEvent(event: unknown): Record<string, unknown> | undefined {
  const pushed = event as {
    Type?: string;
    TriggerName?: string;
    Event?: string;
    trace_id?: string;
    result?: { suggest?: string; label?: unknown };
  } | null;
  if (pushed?.Type === 'Timer' && pushed.TriggerName) return { action: pushed.TriggerName };
  if (pushed?.Event === 'wxa_media_check') {
    return {
      action: 'mediaVerdict',
      traceId: pushed.trace_id,
      suggest: pushed.result?.suggest,
      label: labelText(pushed.result?.label as string | undefined),
    };
  }
  return undefined;
}

/**
 * The payment callback function (unifiedOrder's functionName): WeChat Pay calls it when a
 * payment completes, and retries for up to two days until it answers errcode 0. Its event is
 * believed only once WeChat Pay confirms the trade (confirmedPayment), so a client calling the
 * function with a made-up event changes nothing; applying the result twice changes nothing either.
 */
export function payNotifyEntry() {
  return async (event: unknown): Promise<{ errcode: number; errmsg: string }> => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk') as WxServerSdk;
    const deps = cloudDeps(cloud);
    const settings = paySettings(process.env, cloud.getWXContext().ENV);
    if (!settings) return { errcode: 1, errmsg: 'WX_PAY_SUB_MCH_ID is not set' };
    try {
      // A refund's result comes to the same function: it only prompts asking WeChat Pay (queryRefund) where that refund stands.
      const refunded = (event ?? {}) as { outRefundNo?: string };
      if (typeof refunded.outRefundNo === 'string') {
        const orderId = refundedOrder(refunded.outRefundNo);
        if (orderId) await advanceRefund(deps, orderId, new Date());
        return { errcode: 0, errmsg: 'OK' };
      }
      const paid = await confirmedPayment(cloud, settings, (event ?? {}) as PayNotice);
      if (!paid) return { errcode: 0, errmsg: 'not a confirmed payment' };
      const { outcome } = await applyPayment(
        deps,
        { orderId: paid.orderId, success: true, transactionId: paid.transactionId, amountFen: paid.amountFen },
        new Date(),
      );
      if (outcome === 'amountMismatch' || outcome === 'paidAfterExpiry') deps.log?.(`payNotify: order ${paid.orderId} ${outcome}`);
      return { errcode: 0, errmsg: 'OK' };
    } catch (error) {
      deps.log?.('payNotify failed; WeChat Pay will call again', error);
      return { errcode: 1, errmsg: 'retry' };
    }
  };
}
