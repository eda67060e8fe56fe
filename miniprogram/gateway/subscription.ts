import Taro from '@tarojs/taro';

/** The purposes a member can be told of outside the app (the cloud's MessagePurpose). */
export type SubscriptionPurpose = 'reviewResult' | 'pointsChanged' | 'orderUpdate' | 'checkinReminder';

/** Template ids by purpose, from deploy/settings.json at build time (`npm run deploy` sets TARO_APP_SUBSCRIPTIONS). */
function configuredTemplates(): Partial<Record<SubscriptionPurpose, string>> {
  try {
    return JSON.parse(process.env.TARO_APP_SUBSCRIPTIONS || '{}');
  } catch {
    return {};
  }
}
const TEMPLATES = configuredTemplates();

/**
 * Asks, in the tap that submits, to be told of the outcome by WeChat subscription messages:
 * only in the mini-program and only for purposes the owner configured a template for. A
 * refusal changes nothing (the in-app notice still comes).
 */
export async function requestSubscriptions(purposes: SubscriptionPurpose[]): Promise<void> {
  const tmplIds = purposes.map((purpose) => TEMPLATES[purpose]).filter((id): id is string => Boolean(id));
  if (process.env.TARO_ENV !== 'weapp' || tmplIds.length === 0) return;
  await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as never).catch(() => undefined);
}
