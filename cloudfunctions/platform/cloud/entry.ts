import { randomBytes } from 'node:crypto';
import { COMMUNITY_CACHE, type Deps } from '../../app/context';
import { withReadCache } from '../../store/readCache';
import { dispatch, type Actions } from '../../app/dispatch';
import { WxCloudStore } from '../../store/wxcloud/wxcloudStore';
import type { WxDatabase } from '../../store/wxcloud/wxDatabase';

/** What this project uses of wx-server-sdk; the SDK itself is loaded only in the cloud. */
interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: unknown;
  init(options: { env: unknown }): void;
  database(): WxDatabase;
  getWXContext(): { OPENID?: string; SOURCE?: string };
}

let deps: Deps | undefined;

function cloudDeps(cloud: WxServerSdk): Deps {
  if (!deps) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    deps = {
      store: withReadCache(new WxCloudStore(cloud.database()), COMMUNITY_CACHE),
      newId: () => randomBytes(9).toString('base64url'),
      log: (message, error) => console.error(message, error),
    };
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
    const { OPENID, SOURCE } = cloud.getWXContext();
    return handle(timerAction(event) ?? event, { openid: OPENID || null, source: SOURCE ?? null, now: new Date() }, cloudDeps(cloud));
  };
}

/** A timer trigger's event is {Type: 'Timer', TriggerName}; its trigger is named after the action. */
function timerAction(event: unknown): { action: string } | undefined {
  const timer = event as { Type?: string; TriggerName?: string } | null;
  return timer?.Type === 'Timer' && timer.TriggerName ? { action: timer.TriggerName } : undefined;
}
