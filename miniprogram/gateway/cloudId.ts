import Taro from '@tarojs/taro';
import type { CloudIdRef } from './cloudIdRef';

const isRef = (value: unknown): value is CloudIdRef =>
  typeof value === 'object' && value !== null && typeof (value as CloudIdRef).$cloudID === 'string';

/** Parameters with each marker made into wx.cloud.CloudID, so WeChat decrypts it on the way. */
export function withWxCloudIds(params: object): object {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, isRef(value) ? Taro.cloud.CloudID(value.$cloudID) : value]));
}

/**
 * The cloudID of the WeChat group the mini-program was opened from (a group card), or null:
 * outside a group WeChat answers 40097 (scene error), which is not a failure here.
 */
export async function weappGroupEntry(): Promise<string | null> {
  try {
    const info = (await new Promise((resolve, reject) => Taro.getGroupEnterInfo({ success: resolve, fail: reject }))) as {
      cloudID?: string;
    };
    return info.cloudID ?? null;
  } catch {
    return null;
  }
}

/** H5 on the local runtime: `?opengid=` in the link pretends the page was opened in that group. */
export async function localGroupEntry(): Promise<string | null> {
  const opengid = /[?&]opengid=([A-Za-z0-9_-]+)/.exec(typeof location === 'undefined' ? '' : location.href)?.[1];
  if (!opengid) return null;
  const response = await Taro.request({ url: `/dev/group-enter?opengid=${opengid}`, method: 'GET' });
  return (response.data as { data?: { cloudID: string } }).data?.cloudID ?? null;
}
