import { launchChromium } from '../support/browser';
import { browserOnRuntime, waitForText, screenshot } from '../support/browserSession';

const session = browserOnRuntime();

describe('inviting a friend in Chromium', () => {
  it('a friend opens the invite link in a fresh browser, joins, checks in, and the inviter sees the reward', async () => {
    const { page, rt } = session;
    await page.goto(`${rt.url}/#/pages/home/index`);
    await page.locator('#identity-demo_xiaomei').click();
    await page.locator('#balance').waitFor();
    const before = (await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_xiaomei')).balance as number;
    await page.locator('#invite-link-home').click();
    await page.locator('#invite-link').waitFor();
    const code = (await page.locator('#invite-code').innerText()).trim();
    const link = (await page.locator('#invite-link').innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(link).toBe(`${rt.url}/#/pages/join/index?communityId=demo&inviteCode=${code}`);
    await page.waitForFunction(() => {
      const canvas = document.querySelector('#invite-poster canvas') as HTMLCanvasElement | null;
      return canvas && canvas.getContext('2d')!.getImageData(150, 300, 1, 1).data[3] > 0;
    });
    await screenshot(page, 'e2e-invite.png');

    const friend = await launchChromium();
    try {
      const tab = friend.pages()[0] ?? (await friend.newPage());
      await tab.goto(link);
      await waitForText(tab, '#join-inviter', '小美 邀请你加入');
      await waitForText(tab, '#join-gift', '送你 20 积分');
      await screenshot(tab, 'e2e-invite-landing.png');
      // The newcomer says who they are as they join (skippable), not 成员xxxx.
      await tab.locator('#join-nickname input').fill('新朋友');
      await tab.locator('#join-button').click();
      await waitForText(tab, '.hero__who', '新朋友');
      await tab.locator('#checkin-button').click();
      // 5 for the day, 20 for coming by invitation, 10 for the demo's first check-in task.
      await waitForText(tab, '#checkin-pop', '+35');
      await waitForText(tab, '#balance', '35');
    } finally {
      await friend.close();
    }

    await page.goto(`${rt.url}/#/pages/home/index`);
    await page.locator('#invite-link-home').click();
    await waitForText(page, '#referral-summary', '已奖励 1 位 · 共得 100 分');
    await waitForText(page, '.invite__status--rewarded', '已奖励 +100');
    // The invitation's 100, and the demo's first-invite task.
    expect((await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_xiaomei')).balance).toBe(before + 120);
  });

  it('draws the poster at the phone’s pixel ratio, so it is sharp', async () => {
    const { rt } = session;
    const phone = await launchChromium({ deviceScaleFactor: 3 });
    try {
      const tab = phone.pages()[0] ?? (await phone.newPage());
      await tab.goto(`${rt.url}/#/pages/home/index`);
      await tab.locator('#identity-demo_xiaomei').click();
      await tab.locator('#balance').waitFor();
      await tab.goto(`${rt.url}/#/packages/referral/pages/invite/index`);
      await tab.waitForFunction(() => {
        const canvas = document.querySelector('#invite-poster canvas') as HTMLCanvasElement | null;
        // The bitmap is 3× the poster, and the drawing fills it (the code's white frame at its scaled place).
        return (
          canvas && canvas.width === 900 && canvas.height === 1320 && canvas.getContext('2d')!.getImageData(450, 900, 1, 1).data[3] > 0
        );
      });
      const box = await tab.locator('#invite-poster canvas').boundingBox();
      expect([Math.round(box!.width), Math.round(box!.height)]).toEqual([300, 440]);
    } finally {
      await phone.close();
    }
  });
});
