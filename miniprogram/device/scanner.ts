import Taro from '@tarojs/taro';

/** What a camera read from a code; null when the person cancelled or there is no camera (then the code is typed or pasted). */
export type ScanCode = () => Promise<string | null>;

/** WeChat's scanner, QR codes only, from the camera (a photo of a code from the album could be stale). */
export const wechatScanner: ScanCode = async () => {
  const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).catch(() => null);
  return scanned?.result ?? null;
};

/** The local H5 has no camera: the page's paste field is the scanner. */
export const noScanner: ScanCode = async () => null;
