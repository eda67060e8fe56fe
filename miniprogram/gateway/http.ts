import Taro from '@tarojs/taro';
import { unwrap, type Gateway } from './gateway';

/**
 * The H5 gateway for the local runtime: POST /api/<function>. Identity is the local-only
 * X-Dev-Openid header, chosen in the identity switcher; the cloud never reads it.
 */
export function httpGateway(identity: () => Promise<string | null>, baseUrl = ''): Gateway {
  return {
    async call(fn, action, params) {
      const openid = await identity();
      const response = await Taro.request({
        url: `${baseUrl}/api/${fn}`,
        method: 'POST',
        data: { action, ...(params as object) },
        header: { 'content-type': 'application/json', ...(openid ? { 'X-Dev-Openid': openid } : {}) },
      });
      return unwrap(response.data as never);
    },
  };
}
