import Taro from '@tarojs/taro';

export type AlbumSave = 'saved' | 'cancelled' | 'denied';

const ALBUM_SCOPE = 'scope.writePhotosAlbum';
/** WeChat answers a refused (or earlier refused) album permission with one of these. */
const isAuthRefusal = (error: unknown) => /auth den|auth deny|authorize/i.test(String((error as { errMsg?: string })?.errMsg ?? error));

/**
 * Saves an image to the phone's album. Once a member has refused the permission WeChat never
 * asks again, so a refusal explains why and offers the settings page (openSetting) where it
 * can be turned on, then tries once more — instead of failing without a word.
 */
export async function saveToAlbum(filePath: string): Promise<AlbumSave> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    return 'saved';
  } catch (error) {
    if (!isAuthRefusal(error)) return 'cancelled';
  }
  const { confirm } = await Taro.showModal({
    title: '需要相册权限',
    content: '保存海报需要允许「保存到相册」，去设置里打开吗？',
    confirmText: '去设置',
    cancelText: '不了',
  });
  if (!confirm) return 'denied';
  const { authSetting } = await Taro.openSetting();
  if (!authSetting[ALBUM_SCOPE]) return 'denied';
  await Taro.saveImageToPhotosAlbum({ filePath });
  return 'saved';
}
