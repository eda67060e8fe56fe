import { browserOnRuntime, waitForText, screenshot } from '../support/browserSession';
import { launchChromium } from '../support/browser';

const session = browserOnRuntime();
const balance = async () => Number(await session.page.locator('#balance').innerText());

describe('the H5 app on the local runtime, in Chromium', () => {
  it('checks in as the demo member and sees the balance, streak and button change', async () => {
    const { page, rt } = session;
    await page.goto(`${rt.url}/#/pages/home/index`);
    await page.locator('#identity-switcher').waitFor();
    await page.locator('#identity-demo_xiaomei').click();
    await page.locator('#balance').waitFor();
    await expectText('#streak', '已连续签到 6 天');
    await expectText('#bonus-hint', '今天签到再得连签奖励 +50');
    const before = await balance();
    await page.locator('#checkin-button').click();
    await page.waitForFunction((expected) => document.querySelector('#balance')?.textContent === String(expected), before + 55);
    await expectText('#streak', '已连续签到 7 天');
    await expectText('#checkin-button', '今日已签到');
    await screenshot(page, 'e2e-home-after-checkin.png');

    // The server agrees: the same balance over the API, and a second check-in is refused.
    const me = await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_xiaomei');
    expect(me).toMatchObject({ balance: before + 55, streak: 7, checkedInToday: true });
  });

  it('shows the ledger newest first, with the streak bonus on top', async () => {
    const { page } = session;
    await page.locator('#ledger-link').click();
    await page.locator('#entry-earn').first().waitFor();
    const rows = await page.locator('.ledger__row').allInnerTexts();
    expect(rows[0]).toContain('连续签到 7 天奖励');
    expect(rows[0]).toContain('+50');
    expect(rows[1]).toContain('每日签到');
    await screenshot(page, 'e2e-ledger.png');
  });

  it('switches identity and shows that person’s own points', async () => {
    const { page, rt } = session;
    await page.goto(`${rt.url}/#/pages/home/index`);
    await page.locator('#identity-demo_laowang').click();
    await page.waitForFunction(() => document.querySelector('#streak')?.textContent?.includes('0 天'));
    expect(await balance()).toBe(0);
    await expectText('#tier-name', '铜');
  });
});

const expectText = (selector: string, text: string) => waitForText(session.page, selector, text);

describe('the tab bar', () => {
  it('walks 首页, 社区, 商城 and 我的 at 390×844, each page its own, with a screenshot of each', async () => {
    const { page, rt } = session;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${rt.url}/#/pages/home/index`);
    await page.locator('#balance').waitFor();
    const tab = (text: string) => page.locator('.weui-tabbar__item').filter({ hasText: text });
    expect(await page.locator('.weui-tabbar__item').allInnerTexts()).toEqual(['首页', '社区', '商城', '我的']);
    await screenshot(page, 'e2e-tab-home.png');
    await tab('社区').click();
    await page.locator('#qa-link-feed').waitFor();
    await screenshot(page, 'e2e-tab-community.png');
    await tab('商城').click();
    await page.locator('#mall-balance').waitFor();
    await page.locator('.mall__item').first().waitFor();
    await screenshot(page, 'e2e-tab-mall.png');
    await tab('我的').click();
    await page.locator('#me-tier').waitFor();
    await screenshot(page, 'e2e-tab-me.png');
    await tab('首页').click();
    await page.locator('#balance').waitFor();
  });
});

describe('states that tell the truth', () => {
  it('a failed load says what happened and offers a retry; no balance of 0 is shown that is not real', async () => {
    const { rt } = session;
    const fresh = await launchChromium();
    try {
      const page = fresh.pages()[0] ?? (await fresh.newPage());
      let failures = 1;
      await page.route('**/api/mall', async (route) => {
        if (failures-- > 0)
          return route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: '服务出了点问题，请稍后重试' } }),
          });
        return route.continue();
      });
      await page.goto(`${rt.url}/#/pages/mall/index`);
      await waitForText(page, '#error', '服务出了点问题');
      // Not loaded: a dash, never a 0 that is not the member's, and no "empty" claim.
      expect((await page.locator('#mall-balance').innerText()).trim()).toBe('—');
      expect(await page.locator('.mall__item').count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toContain('还没有上架奖品');
      await screenshot(page, 'e2e-mall-error-retry.png');
      await page.locator('#retry').click();
      await page.locator('.mall__item').first().waitFor();
      expect((await page.locator('#mall-balance').innerText()).trim()).toMatch(/^\d+$/);
      expect(await page.locator('#error').count()).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});

describe('deep links in a fresh browser', () => {
  it('a reward and the community page opened first get an identity the way home does, not 未登录', async () => {
    const { rt } = session;
    const fresh = await launchChromium();
    try {
      const tab = fresh.pages()[0] ?? (await fresh.newPage());
      await tab.goto(`${rt.url}/#/packages/mall/pages/item/index?id=demo-handcream`);
      await waitForText(tab, 'body', '护手霜试用装');
      await waitForText(tab, 'body', '积分');
      expect(await tab.locator('body').innerText()).not.toContain('未登录');
      await screenshot(tab, 'e2e-deep-link-item.png');
      await tab.goto(`${rt.url}/#/pages/feed/index`);
      await waitForText(tab, 'body', '宝宝换季护肤');
      expect(await tab.locator('body').innerText()).not.toContain('未登录');
    } finally {
      await fresh.close();
    }
  });
});
