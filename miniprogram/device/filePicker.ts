import Taro from '@tarojs/taro';

/** A file the person picked, as the cloud call carries it; null if they cancelled. */
export type PickFile = () => Promise<{ name: string; base64: string } | null>;

/**
 * WeChat: a mini-program cannot browse the phone's files, only those sent in a chat — so the
 * owner sends the spreadsheet to 文件传输助手 and picks it from there (chooseMessageFile).
 */
export const chatFilePicker: PickFile = async () => {
  const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] }).catch(() => null);
  const file = picked?.tempFiles[0];
  if (!file) return null;
  const base64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string;
  return { name: file.name, base64 };
};

/** A browser: the system's file dialog. */
export const browserFilePicker: PickFile = () =>
  new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.txt,text/csv';
    input.onchange = () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      const reader = new FileReader();
      reader.onload = () => resolve({ name: file.name, base64: String(reader.result).replace(/^data:[^,]*,/, '') });
      reader.onerror = () => resolve(null);
      reader.readAsDataURL(file);
    };
    input.click();
  });
