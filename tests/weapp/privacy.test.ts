import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import privacy from '../../config/wechatPrivacy.json';
import { WEAPP_DIST } from '../support/weappHost';

/** Every file of the mini-program's own code (not its tests). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The privacy APIs the app calls, as config/wechatPrivacy.json names them. */
function privacyApisCalled(): Set<string> {
  const rules = privacy.apis as Record<string, { guide: string; requiredPrivateInfos?: boolean }>;
  const called = new Set<string>();
  for (const file of sources(resolve(__dirname, '../../miniprogram'))) {
    const code = readFileSync(file, 'utf8');
    for (const [, api] of code.matchAll(/Taro\.(\w+)\(/g)) if (api in rules) called.add(api);
    if (/openType="chooseAvatar"/.test(code)) called.add('chooseAvatar');
    if (/type="nickname"/.test(code)) called.add('nickname');
  }
  return called;
}

describe('WeChat privacy declarations, from what the app calls', () => {
  const rules = privacy.apis as Record<string, { guide: string; requiredPrivateInfos?: boolean }>;
  const called = privacyApisCalled();

  it('finds the privacy APIs the app is known to call', () => {
    expect([...called].sort()).toEqual(
      expect.arrayContaining(['chooseAddress', 'chooseAvatar', 'chooseImage', 'saveImageToPhotosAlbum', 'setClipboardData']),
    );
  });

  it('lists each location or address API in app.json requiredPrivateInfos (else WeChat fails the call)', () => {
    const appJson = JSON.parse(readFileSync(resolve(WEAPP_DIST, 'app.json'), 'utf8')) as { requiredPrivateInfos?: string[] };
    const needed = [...called].filter((api) => rules[api].requiredPrivateInfos).sort();
    expect(needed).toContain('chooseAddress');
    expect([...(appJson.requiredPrivateInfos ?? [])].sort()).toEqual(needed);
  });

  it('names each one in the README privacy step (the 用户隐私保护指引 to fill in)', () => {
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
    const step = readme.slice(readme.indexOf('用户隐私保护指引'), readme.indexOf('用户隐私保护指引') + 1500);
    for (const api of called) expect({ api, declared: step.includes(rules[api].guide) }).toEqual({ api, declared: true });
  });
});
