import Taro from '@tarojs/taro';

/** The bottom tab bar's pages (app.config.ts): WeChat opens these with switchTab, never navigateTo. */
export const TAB_PAGES = ['/pages/home/index', '/pages/feed/index', '/pages/mall/index', '/pages/me/index'] as const;

const isTab = (path: string) => (TAB_PAGES as readonly string[]).includes(path);

/** Opens a page the way WeChat allows: a tab by switching to it (a tab takes no query), any other page on top. */
export function open(url: string): Promise<unknown> {
  const path = url.split('?')[0];
  return isTab(path) ? Taro.switchTab({ url: path }) : Taro.navigateTo({ url });
}

/** Leaves the current page for `url` without coming back to it (after joining, after posting). */
export function replaceWith(url: string): Promise<unknown> {
  const path = url.split('?')[0];
  return isTab(path) ? Taro.switchTab({ url: path }) : Taro.redirectTo({ url });
}
