import Taro from '@tarojs/taro';
import type { OpenDownload } from '../stores/ConsoleStore';

/**
 * An export in WeChat: downloaded to the app's files under its own name and handed to
 * shareFileMessage, so the owner sends it to a chat (文件传输助手) and opens it with Excel —
 * openDocument cannot show CSV (it takes doc, xls, ppt, pdf and their x forms only). Where
 * sharing a file is not offered, the link is copied instead: it works for an hour in a browser.
 */
export const weappDownload: OpenDownload = async ({ url, fileName }) => {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  try {
    await Taro.downloadFile({ url, filePath });
    await Taro.shareFileMessage({ filePath, fileName });
  } catch {
    await Taro.setClipboardData({ data: url });
    await Taro.showToast({ title: '下载链接已复制，1 小时内有效', icon: 'none' });
  }
};

/** An export in a browser: the runtime's link, saved under its own name. */
export const browserDownload: OpenDownload = async ({ url, fileName }) => {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
};
