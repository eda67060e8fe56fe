/**
 * WeChat's permission dialogs cannot run here: Taro is replaced by a double that answers as
 * WeChat does (errMsg texts from its documentation), to check the flow around them.
 */
const calls: string[] = [];
let albumAllowed = false;
let userConfirms = true;
let settingsTurnOn = true;
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    saveImageToPhotosAlbum: async () => {
      calls.push('save');
      if (!albumAllowed) throw { errMsg: 'saveImageToPhotosAlbum:fail auth deny' };
    },
    showModal: async () => {
      calls.push('modal');
      return { confirm: userConfirms, cancel: !userConfirms };
    },
    openSetting: async () => {
      calls.push('openSetting');
      albumAllowed = settingsTurnOn;
      return { authSetting: { 'scope.writePhotosAlbum': settingsTurnOn } };
    },
  },
}));

import { saveToAlbum } from './album';

beforeEach(() => {
  calls.length = 0;
  albumAllowed = false;
  userConfirms = true;
  settingsTurnOn = true;
});

it('saves at once when the album is allowed', async () => {
  albumAllowed = true;
  expect(await saveToAlbum('/tmp/poster.png')).toBe('saved');
  expect(calls).toEqual(['save']);
});

it('after a refusal explains, opens the settings and saves once it is allowed', async () => {
  expect(await saveToAlbum('/tmp/poster.png')).toBe('saved');
  expect(calls).toEqual(['save', 'modal', 'openSetting', 'save']);
});

it('leaves it when the member declines or does not turn it on', async () => {
  userConfirms = false;
  expect(await saveToAlbum('/tmp/poster.png')).toBe('denied');
  expect(calls).toEqual(['save', 'modal']);
  calls.length = 0;
  userConfirms = true;
  settingsTurnOn = false;
  expect(await saveToAlbum('/tmp/poster.png')).toBe('denied');
  expect(calls).toEqual(['save', 'modal', 'openSetting']);
});
