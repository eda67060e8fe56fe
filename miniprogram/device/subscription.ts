import Taro from '@tarojs/taro';

/** The purposes a member can be told of outside the app (the cloud's MessagePurpose). */
export type SubscriptionPurpose = 'reviewResult' | 'pointsChanged' | 'orderUpdate' | 'checkinReminder' | 'announcement';

/** Asks the member to accept messages for these purposes, in the tap that needs them; answers the purposes accepted. */
export type Subscriber = (purposes: SubscriptionPurpose[]) => Promise<SubscriptionPurpose[]>;

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
 * WeChat's one-time subscription (requestSubscribeMessage): only purposes the owner configured a
 * template for can be asked, and only the ones the member accepts count. A refusal or an error is
 * nothing accepted; the in-app notice still comes.
 */
export const wechatSubscriber: Subscriber = async (purposes) => {
  const asked = purposes.filter((purpose) => TEMPLATES[purpose]);
  if (!asked.length) return [];
  const answer = (await Taro.requestSubscribeMessage({ tmplIds: asked.map((p) => TEMPLATES[p]!), entityIds: [] } as never).catch(
    () => ({}),
  )) as Record<string, string>;
  return asked.filter((purpose) => answer[TEMPLATES[purpose]!] === 'accept');
};

/** Locally there is no WeChat to ask: every purpose is accepted, and its messages land in the runtime's outbox. */
export const localSubscriber: Subscriber = async (purposes) => purposes;

/** The subscriber of the platform the app runs on. */
export const subscriber: Subscriber = process.env.TARO_ENV === 'weapp' ? wechatSubscriber : localSubscriber;

/** Asks, in the tap that submits, to be told of the outcome; what was accepted changes nothing here. */
export async function requestSubscriptions(purposes: SubscriptionPurpose[]): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') await wechatSubscriber(purposes);
}
