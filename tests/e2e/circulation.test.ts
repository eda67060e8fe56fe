import { actAs as actAsIn, browserOnRuntime, screenshot, waitForText } from '../support/browserSession';

const session = browserOnRuntime();
const actAs = (openid: Parameters<typeof actAsIn>[1]) => actAsIn(session, openid);
const waitText = (selector: string, text: string) => waitForText(session.page, selector, text);
/** The visible confirm dialog's confirm button (Taro's H5 showModal). */
const confirmDialog = () => session.page.locator('.taro-model__confirm:visible').click();
const me = async (openid: string) => session.rt.ok('points', { action: 'me', communityId: 'demo' }, openid);
const give = (openid: string, delta: number, requestId: string) =>
  session.rt.ok('points', { action: 'adjust', communityId: 'demo', openid, delta, reason: '测试', requestId }, 'demo_owner');

describe('points that move, in Chromium', () => {
  it('a member gifts points to another from their profile, the limits said first; the owner sees it both ways', async () => {
    const { page, rt } = session;
    const [xiaomei, doudou] = [await me('demo_xiaomei'), await me('demo_doudou')];
    await actAs('demo_xiaomei');
    await page.goto(`${rt.url}/#/packages/engage/pages/leaderboard/index`);
    await page.locator('#board-row-demo_doudou').click();
    await waitText('#profile-name', '豆豆妈');
    await waitText('#gift-limits', '每次最多 100 积分');
    await waitText('#gift-limits', '加入满 7 天后才能转赠');
    // Checked before sending, beside the field.
    await page.locator('#gift-amount input').fill('500');
    await page.locator('#gift-send').click();
    await waitText('#gift-amount-error', '每次最多转赠 100 积分');
    await page.locator('#gift-amount input').fill('30');
    await page.locator('#gift-message input').fill('谢谢你的辅食分享');
    await page.locator('#gift-send').click();
    await confirmDialog();
    await waitText('#gift-done', '已送出 30 积分');
    await screenshot(page, 'e2e-gift.png');
    expect((await me('demo_xiaomei')).balance).toBe(xiaomei.balance - 30);
    const after = await me('demo_doudou');
    expect([after.balance, after.earnedTotal]).toEqual([doudou.balance + 30, doudou.earnedTotal]);

    await actAs('demo_owner');
    await page.goto(`${rt.url}/#/packages/admin/pages/member/index?openid=demo_doudou`);
    await waitText('#member-transfers', '小美 赠送');
    await waitText('#member-transfers', '谢谢你的辅食分享');
    await waitText('#member-transfers', '转入 30');
  });

  it('two members fund a pooled reward (积分众筹) and the starter sees the order', async () => {
    const { page, rt } = session;
    const { item } = await rt.ok(
      'mall',
      { action: 'upsertItem', communityId: 'demo', item: { name: '儿童安全座椅', kind: 'physical', pointsPrice: 400, stock: 1 } },
      'demo_owner',
    );
    await give('demo_laowang', 300, 'e2e-pool-give-1');
    await give('demo_doudou', 300, 'e2e-pool-give-2');

    await actAs('demo_laowang');
    await page.goto(`${rt.url}/#/packages/mall/pages/item/index?id=${item.id}`);
    await page.locator('#pool-start-button').waitFor();
    await screenshot(page, 'e2e-item-pool.png');
    await page.locator('#pool-start-button').click();
    await confirmDialog();
    await page.waitForURL(/packages\/mall\/pages\/pool\/index/);
    await page.locator('#back-custom input').waitFor();
    await page.locator('#back-custom input').fill('250');
    await page.locator('#back-custom-submit').click();
    await confirmDialog();
    await waitText('#pool-notice', '已投入 250 积分');
    const poolId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;
    await waitText(`#pool-${poolId}-raised`, '250 / 400 积分 · 1 人参与');

    await actAs('demo_doudou');
    await page.goto(`${rt.url}/#/pages/mall/index`);
    await page.locator('#pools-link').click();
    await page.locator(`#pool-${poolId}`).waitFor();
    await screenshot(page, 'e2e-pools.png');
    await page.locator(`#pool-${poolId}`).click();
    await page.locator('#back-150').click(); // "补齐 150": exactly what is left
    await confirmDialog();
    await waitText('#pool-notice', '凑齐了');
    await waitText('#pool-backers', '老王');
    await waitText('#pool-backers', '豆豆妈');
    await screenshot(page, 'e2e-pool-funded.png');

    await actAs('demo_laowang');
    await page.goto(`${rt.url}/#/packages/mall/pages/orders/index`);
    await page.getByText('儿童安全座椅 ×1').waitFor();
    await page.getByText('（众筹）', { exact: false }).first().waitFor();
    const { orders } = await rt.ok('mall', { action: 'orders', communityId: 'demo' }, 'demo_laowang');
    expect(orders[0]).toMatchObject({ itemName: '儿童安全座椅', status: 'pending', poolId, needsShipping: true });
  });

  it('a points + cash purchase goes through the local cashier', async () => {
    const { page, rt } = session;
    await give('demo_laowang', 400, 'e2e-cash-give-1');
    const before = (await me('demo_laowang')).balance;
    await actAs('demo_laowang');
    await page.goto(`${rt.url}/#/packages/mall/pages/item/index?id=demo-purifier`);
    await waitText('#item-price', '300 积分 + ¥99.00');
    await page.locator('#shipping-name input').fill('老王');
    await page.locator('#shipping-phone input').fill('13700001111');
    await page.locator('#shipping-address input').fill('苏州市工业园区星湖街 1 号');
    await page.locator('#redeem-button').click();
    await confirmDialog();
    await page.waitForURL(/packages\/mall\/pages\/pay\/index/);
    await waitText('#pay-points', '300 积分');
    await waitText('#pay-cash', '¥99.00');
    await waitText('#pay-deadline', '超时未支付，订单自动取消，300 积分原数退回');
    await screenshot(page, 'e2e-checkout.png');
    expect((await me('demo_laowang')).balance).toBe(before - 300);

    await page.locator('#pay-button').click();
    await waitText('#cashier-amount', '¥99.00');
    await screenshot(page, 'e2e-cashier.png');
    await page.locator('#cashier-pay').click();
    await waitText('#pay-outcome', '支付成功');
    await waitText('#pay-done', '已支付');
    await screenshot(page, 'e2e-paid.png');
    const { orders } = await rt.ok('mall', { action: 'orders', communityId: 'demo' }, 'demo_laowang');
    expect(orders[0]).toMatchObject({
      itemName: '桌面空气净化器',
      status: 'pending',
      payment: { amountFen: 9900, paidAt: expect.any(String) },
    });
  });

  it('each role reads what is true for them: staff below 银 are told before typing, a moderator gets no donation form, a reward counts from my balance', async () => {
    const { page, rt } = session;
    await actAs('demo_owner');
    await page.goto(`${rt.url}/#/packages/mall/pages/item/index?id=demo-purifier`);
    await waitText('#redeem-button', '还差 300 积分');
    await page.goto(`${rt.url}/#/packages/engage/pages/profile/index?openid=demo_doudou&nickname=${encodeURIComponent('豆豆妈')}`);
    await waitText('#gift-blocked', '「银」及以上等级才能转赠积分，你现在是「铜」');
    expect(await page.locator('#gift-send').count()).toBe(0);
    await screenshot(page, 'e2e-gift-blocked.png');

    await actAs('demo_mod');
    await page.goto(`${rt.url}/#/packages/admin/pages/pools/index`);
    await waitText('#donation-owner-only', '只有群主可以发起积分捐赠');
    expect(await page.locator('#donation-save').count()).toBe(0);

    // Another person's balance (the owner's 0) is not mine: the reward page reads mine when it shows.
    await actAs('demo_xiaomei');
    expect((await me('demo_xiaomei')).balance).toBeGreaterThanOrEqual(300);
    await page.goto(`${rt.url}/#/packages/mall/pages/item/index?id=demo-purifier`);
    await waitText('#redeem-button', '立即兑换');
  });
});
