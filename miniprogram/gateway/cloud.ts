import Taro from '@tarojs/taro';
import { unwrap, type Gateway } from './gateway';

/** The mini-program's gateway: wx.cloud.callFunction, identity added by WeChat itself. */
export const cloudGateway: Gateway = {
  async call(fn, action, params) {
    const response = await Taro.cloud.callFunction({ name: fn, data: { action, ...(params as object) } });
    return unwrap(response.result as never);
  },
};
