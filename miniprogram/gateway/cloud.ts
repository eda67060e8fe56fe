import Taro from '@tarojs/taro';
import { withWxCloudIds } from './cloudId';
import { unwrap, type Gateway } from './gateway';

/** The mini-program's gateway: wx.cloud.callFunction, identity added by WeChat itself, cloudIDs opened by it. */
export const cloudGateway: Gateway = {
  async call(fn, action, params) {
    const response = await Taro.cloud.callFunction({ name: fn, data: { action, ...withWxCloudIds(params as object) } });
    return unwrap(response.result as never);
  },
};
