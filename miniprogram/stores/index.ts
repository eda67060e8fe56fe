import Taro from '@tarojs/taro';
import { cloudGateway } from '../gateway/cloud';
import { httpGateway } from '../gateway/http';
import { localGroupEntry, weappGroupEntry } from '../gateway/cloudId';
import { browserDownload, weappDownload } from '../gateway/download';
import { localCashierPayer, wechatPayer } from '../device/payer';
import { cloudImageUploader, httpImageUploader } from '../gateway/uploader';
import { subscriber } from '../device/subscription';
import { browserFilePicker, chatFilePicker } from '../device/filePicker';
import { noScanner, wechatScanner } from '../device/scanner';
import { DevIdentityStore } from './DevIdentityStore';
import { RootStore } from './RootStore';
import type { KeyValueStorage } from './storage';

/** The app's composition root: the WeChat cloud in the mini-program, the local runtime in H5. */
const taroStorage: KeyValueStorage = {
  get: (key) => (Taro.getStorageSync(key) as string) || null,
  set: (key, value) => Taro.setStorageSync(key, value),
};

export const devIdentity =
  process.env.TARO_ENV === 'h5'
    ? new DevIdentityStore(taroStorage, async () => {
        const response = await Taro.request({ url: '/dev/identities', method: 'GET' });
        return (response.data as { data: { communityId: string; people: never[] } }).data;
      })
    : null;

/** Who the browser acts as; a page opened first (a deep link in a fresh browser) waits for it like the home page does. */
const identity = async () => (devIdentity ? devIdentity.whoAmI() : null);
const gateway = process.env.TARO_ENV === 'weapp' ? cloudGateway : httpGateway(identity);
const uploader = process.env.TARO_ENV === 'weapp' ? cloudImageUploader : httpImageUploader(identity);

const groupEntry = process.env.TARO_ENV === 'weapp' ? weappGroupEntry : localGroupEntry;

const openDownload = process.env.TARO_ENV === 'weapp' ? weappDownload : browserDownload;

const pickFile = process.env.TARO_ENV === 'weapp' ? chatFilePicker : browserFilePicker;

const payer = process.env.TARO_ENV === 'weapp' ? wechatPayer : localCashierPayer;

// No community is built in: the app opens the tapped group's, a link's, the last used or my most recent one (SessionStore.start).
export const store = new RootStore(
  gateway,
  taroStorage,
  null,
  uploader,
  groupEntry,
  openDownload,
  payer,
  subscriber,
  pickFile,
  process.env.TARO_ENV === 'weapp' ? wechatScanner : noScanner,
);
