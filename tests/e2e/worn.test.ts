import { actAs as actAsIn, browserOnRuntime, waitForText, screenshot } from '../support/browserSession';

const session = browserOnRuntime();
const actAs = (openid: Parameters<typeof actAsIn>[1]) => actAsIn(session, openid);

describe('a title worn in the feed, in Chromium', () => {
  it('a member sees how a title looks, redeems it and wears it at once: beside her name in 我的, her comments and the feed; she takes it off', async () => {
    const { page, rt } = session;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 390, height: 844 });
    const before = (await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_doudou')).balance as number;

    await actAs('demo_doudou');
    await page.locator('.weui-tabbar__item').filter({ hasText: '商城' }).click();
    await page.locator('#item-demo-title').click();
    await waitForText(page, '#item-wear', '称号「绘本达人」 · 佩戴 30 天');
    await waitForText(page, '#item-wear', '豆豆妈绘本达人');
    await screenshot(page, 'e2e-worn-item.png');
    await page.locator('#redeem-button').click();
    await page.getByText('兑换', { exact: true }).click(); // the confirm dialog
    await page.waitForURL(/pages\/me\/index/);
    await waitForText(page, '#me-nickname', '豆豆妈绘本达人');
    await waitForText(page, '#wardrobe', '✓ 称号「绘本达人」');
    await screenshot(page, 'e2e-worn-me.png');
    expect((await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_doudou')).balance).toBe(before - 90);

    // Her comment under 小美's post carries it, and 小美 (who wears one in the demo) carries hers in the feed.
    await page.goto(`${rt.url}/#/packages/posts/pages/thread/index?postId=demo-post-1`);
    await waitForText(page, '#comments', '豆豆妈绘本达人');
    await page.goto(`${rt.url}/#/pages/feed/index`);
    await waitForText(page, '#post-demo-post-1', '小美绘本达人');
    await screenshot(page, 'e2e-worn-feed.png');

    await page.locator('.weui-tabbar__item').filter({ hasText: '我的' }).click();
    await page.locator('#wear-demo-title:visible').click();
    await page.waitForFunction(() => !document.querySelector('#me-nickname')?.textContent?.includes('绘本达人'));
    await waitForText(page, '#wardrobe', '称号「绘本达人」');
    expect((await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_doudou')).worn).toEqual({ title: null, frame: null });
    expect(errors).toEqual([]);
  });

  it('the owner stocks a frame and a title: the look chosen from what the app draws, a title kept short, the days worn', async () => {
    const { page, rt } = session;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 390, height: 844 });
    await actAs('demo_owner');
    await page.locator('#admin-items-link').click();

    await page.locator('#kind-frame').click();
    await page.locator('#form-name input').fill('翡翠头像框');
    await page.locator('#form-pointsPrice input').fill('300');
    await page.locator('#form-stock input').fill('20');
    await page.locator('#save-item').click();
    await waitForText(page, '#form-look-error', '请选择头像框样式');
    await page.locator('#look-jade').click();
    await page.locator('#form-wearDays input').fill('30');
    await screenshot(page, 'e2e-worn-editor.png');
    await page.locator('#save-item').click();
    await page.locator('.admin-notice').getByText('已保存「翡翠头像框」').waitFor();

    await page.locator('#kind-title').click();
    await page.locator('#form-name input').fill('称号·超级无敌绘本达人');
    await page.locator('#form-pointsPrice input').fill('100');
    await page.locator('#form-stock input').fill('10');
    await page.locator('#form-look input').fill('超级无敌绘本达人');
    await page.locator('#save-item').click();
    await waitForText(page, '#form-look-error', '称号最多 6 个字');
    await page.locator('#form-look input').fill('绘本小博士');
    await page.locator('#save-item').click();
    await page.locator('.admin-notice').getByText('已保存「称号·超级无敌绘本达人」').waitFor();

    const { items } = await rt.ok('mall', { action: 'items', communityId: 'demo' }, 'demo_xiaomei');
    const byName = (name: string) => items.find((i: { name: string }) => i.name === name);
    expect([byName('翡翠头像框')?.kind, byName('翡翠头像框')?.wear]).toEqual(['frame', { look: 'jade', days: 30 }]);
    expect([byName('称号·超级无敌绘本达人')?.kind, byName('称号·超级无敌绘本达人')?.wear]).toEqual([
      'title',
      { look: '绘本小博士', days: null },
    ]);
    await waitForText(page, `#admin-item-${byName('翡翠头像框').id}`, '头像框「翡翠」 佩戴 30 天');
    await screenshot(page, 'e2e-worn-editor-list.png');
    expect(errors).toEqual([]);
  });
});
