import Taro from '@tarojs/taro';

const REVIEW_TEMPLATE_ID = process.env.TARO_APP_REVIEW_TEMPLATE_ID || '';

/**
 * Asks, in the tap that submits, to be told the review result by a WeChat subscription
 * message. Only in the mini-program and only when the owner configured a template; a refusal
 * changes nothing (the in-app notice still comes).
 */
export async function requestReviewSubscription(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || !REVIEW_TEMPLATE_ID) return;
  await Taro.requestSubscribeMessage({ tmplIds: [REVIEW_TEMPLATE_ID], entityIds: [] } as never).catch(() => undefined);
}
