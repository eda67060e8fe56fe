import Taro from '@tarojs/taro';
import { unwrap } from './gateway';

/** Picks an image on the device and stores it; the result goes in a reward's `images`. */
export interface ImageUploader {
  /** The stored image's address, or null if the person cancelled the picker. */
  pickAndUpload(): Promise<string | null>;
}

async function pick(): Promise<string | null> {
  const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null);
  return picked?.tempFilePaths[0] ?? null;
}

/** Mini-program: WeChat cloud storage; the cloud file ID displays directly in <Image>. */
export const cloudImageUploader: ImageUploader = {
  async pickAndUpload() {
    const filePath = await pick();
    if (!filePath) return null;
    const ext = /\.(jpe?g|png|gif|webp)$/i.exec(filePath)?.[1] ?? 'jpg';
    const cloudPath = `rewards/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`;
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath });
    return fileID;
  },
};

/** H5 on the local runtime: the image bytes go to POST /upload (stored under DATA_DIR). */
export function httpImageUploader(identity: () => string | null): ImageUploader {
  return {
    async pickAndUpload() {
      const filePath = await pick();
      if (!filePath) return null;
      const image = await (await fetch(filePath)).blob();
      const response = await fetch('/upload', { method: 'POST', body: image, headers: { 'X-Dev-Openid': identity() ?? '' } });
      return unwrap<{ url: string }>(await response.json()).url;
    },
  };
}
