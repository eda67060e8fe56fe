import Taro from '@tarojs/taro';
import { unwrap } from './gateway';

/** Picks images on the device and stores them; the results go in a reward's or a post's `images`. */
export interface ImageUploader {
  /** The stored images' addresses, at most `max`; empty if the person cancelled the picker. */
  pickAndUpload(max?: number): Promise<string[]>;
  /** Stores a file the platform already gave (WeChat's chooseAvatar picture). */
  upload(filePath: string): Promise<string>;
}

async function pick(max: number): Promise<string[]> {
  const picked = await Taro.chooseImage({ count: max, sizeType: ['compressed'] }).catch(() => null);
  return picked?.tempFilePaths.slice(0, max) ?? [];
}

/** One picker, many files, each stored by `store` in turn (so the order is kept). */
function uploaderStoringWith(store: (filePath: string) => Promise<string>): ImageUploader {
  return {
    upload: store,
    async pickAndUpload(max = 1) {
      const stored: string[] = [];
      for (const filePath of await pick(max)) stored.push(await store(filePath));
      return stored;
    },
  };
}

/** Mini-program: WeChat cloud storage; the cloud file ID displays directly in <Image>. */
export const cloudImageUploader = uploaderStoringWith(async (filePath) => {
  const ext = /\.(jpe?g|png|gif|webp)$/i.exec(filePath)?.[1] ?? 'jpg';
  const cloudPath = `images/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`;
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath });
  return fileID;
});

/** H5 on the local runtime: the image bytes go to POST /upload (stored under DATA_DIR). */
export const httpImageUploader = (identity: () => Promise<string | null>) =>
  uploaderStoringWith(async (filePath) => {
    const image = await (await fetch(filePath)).blob();
    const response = await fetch('/upload', { method: 'POST', body: image, headers: { 'X-Dev-Openid': (await identity()) ?? '' } });
    return unwrap<{ url: string }>(await response.json()).url;
  });
