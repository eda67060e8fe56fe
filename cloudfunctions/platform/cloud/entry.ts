import { COMMUNITY_CACHE, type Deps } from '../../app/context';
import { makeDeps } from '../../app/deps';
import { withReadCache } from '../../store/readCache';
import { dispatch, type Actions } from '../../app/dispatch';
import { WxCloudStore } from '../../store/wxcloud/wxcloudStore';
import type { WxDatabase } from '../../store/wxcloud/wxDatabase';
import { labelText, wxContentSecurity, wxDownloads, wxMessenger, wxMiniProgramCodes, wxRiskControl, type WxOpenApi } from './openapi';

/** What this project uses of wx-server-sdk; the SDK itself is loaded only in the cloud. */
interface WxServerSdk extends WxOpenApi {
  DYNAMIC_CURRENT_ENV: unknown;
  init(options: { env: unknown }): void;
  database(): WxDatabase;
  getWXContext(): { OPENID?: string; SOURCE?: string; APPID?: string; CLIENTIP?: string };
}

let deps: Deps | undefined;

function cloudDeps(cloud: WxServerSdk): Deps {
  if (!deps) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    const log = (message: string, error?: unknown) => console.error(message, error);
    deps = makeDeps({
      store: withReadCache(new WxCloudStore(cloud.database()), COMMUNITY_CACHE),
      log,
      platform: {
        content: wxContentSecurity(cloud),
        messages: wxMessenger(cloud, process.env.REVIEW_TEMPLATE_ID, log),
        risk: wxRiskControl(cloud),
        codes: wxMiniProgramCodes(cloud),
        downloads: wxDownloads(cloud),
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
  const pushed = event as { Type?: string; TriggerName?: string; Event?: string; trace_id?: string; result?: { suggest?: string; label?: unknown } } | null;
  if (pushed?.Type === 'Timer' && pushed.TriggerName) return { action: pushed.TriggerName };
  if (pushed?.Event === 'wxa_media_check') {
    return { action: 'mediaVerdict', traceId: pushed.trace_id, suggest: pushed.result?.suggest, label: labelText(pushed.result?.label as string | undefined) };
  }
  return undefined;
}
