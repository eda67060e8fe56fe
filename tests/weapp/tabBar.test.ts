import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sqliteHarness } from '../../cloudfunctions/testing/harness';
import { seedDemo } from '../../cloudfunctions/local/seed';
import { installWeappHost, waitFor, WEAPP_DIST } from '../support/weappHost';

const NOW = '2026-11-25T04:00:00Z';

describe('the compiled weapp tab bar (miniprogram-simulate)', () => {
  it('has 首页, 社区, 商城 and 我的, each a main-package page that opens, and the app goes to them by switchTab', async () => {
    const appJson = JSON.parse(readFileSync(resolve(WEAPP_DIST, 'app.json'), 'utf8'));
    const tabs = appJson.tabBar.list as Array<{ pagePath: string; text: string; iconPath: string; selectedIconPath: string }>;
    expect(tabs.map((t) => t.text)).toEqual(['首页', '社区', '商城', '我的']);
    // WeChat requires tab pages in the main package.
    for (const tab of tabs) expect(appJson.pages).toContain(tab.pagePath);
    // Each has its icon, plain and selected, in the package (tab icons are PNG files, never SVG).
    for (const tab of tabs) {
      for (const icon of [tab.iconPath, tab.selectedIconPath])
        expect(readFileSync(resolve(WEAPP_DIST, icon)).subarray(1, 4).toString()).toBe('PNG');
    }

    const h = sqliteHarness();
    await seedDemo(h.deps, new Date(NOW));
    const host = installWeappHost(h, { openid: 'demo_xiaomei', now: () => NOW });
    const home = await host.open('pages/home/index');
    const text = (page: any, selector: string) => page.querySelector(selector)?.dom.textContent?.trim() ?? '';
    await waitFor(() => text(home, '#balance') !== '');
    for (const [link, url] of [
      ['#feed-link', '/pages/feed/index'],
      ['#mall-link', '/pages/mall/index'],
      ['#me-link', '/pages/me/index'],
    ]) {
      home.querySelector(link).dispatchEvent('tap');
      await waitFor(() => host.navigations.some((n) => n.url === url));
      expect(host.navigations.filter((n) => n.url === url).map((n) => n.how)).toEqual(['switchTab']);
    }
    home.querySelector('#ledger-link').dispatchEvent('tap');
    await waitFor(() => host.navigations.some((n) => n.url === '/pages/ledger/index'));
    expect(host.navigations.at(-1)).toEqual({ how: 'navigateTo', url: '/pages/ledger/index' });

    const mall = await host.open('pages/mall/index');
    await waitFor(() => text(mall, '#mall-balance') !== '' && mall.querySelectorAll('.mall__item').length > 0);
    // A reward out of reach says how far it is.
    expect(
      mall
        .querySelectorAll('.mall__item')
        .map((item: any) => item.dom.textContent)
        .join(' '),
    ).toMatch(/还差 \d+ 分|升到「/);
    const feed = await host.open('pages/feed/index');
    await waitFor(() => text(feed, '#qa-link-feed').includes('问答'));
  });
});
