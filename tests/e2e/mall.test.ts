import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actAs as actAsIn, browserOnRuntime, waitForText, screenshot } from '../support/browserSession';

const session = browserOnRuntime();

const actAs = (openid: Parameters<typeof actAsIn>[1]) => actAsIn(session, openid);

const waitText = (selector: string, text: string) => waitForText(session.page, selector, text);

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('the points mall in Chromium', () => {
  it('the owner lists a new reward with a picture, and members see it in the mall', async () => {
    const { page } = session;
    await actAs('demo_owner');
    await page.locator('#admin-items-link').click();
    // Checked before sending, in the owner's words beside each field.
    await page.locator('#save-item').click();
    await waitText('#form-name-error', '请填写奖品名称');
    await waitText('#form-pointsPrice-error', '兑换积分填 1 到 1000000 的整数');
    await page.locator('#form-name input').fill('亲子绘本一套');
    await page.locator('#form-pointsPrice input').fill('200');
    await page.locator('#form-stock input').fill('6');
    const picture = join(tmpdir(), 'reward.png');
    writeFileSync(picture, PNG);
    const chooser = page.waitForEvent('filechooser');
    await page.locator('#add-image').click();
    await (await chooser).setFiles(picture);
    await page.locator('.form__thumb').waitFor();
    await page.locator('#save-item').click();
    await page.locator('.admin-notice').getByText('已保存「亲子绘本一套」').waitFor();
    // The message belongs to the page that raised it: the draws page opens without it.
    await page.goto(`${session.rt.url}/#/packages/admin/pages/draws/index`);
    await page.locator('#save-draw').last().waitFor();
    expect(await page.locator('.admin-notice:visible').count()).toBe(0);

    await actAs('demo_doudou');
    await page.goto(`${session.rt.url}/#/pages/mall/index`);
    const card = page.locator('.mall__item', { hasText: '亲子绘本一套' });
    await card.waitFor();
    const src = await card.locator('img').first().getAttribute('src');
    expect(src).toMatch(/\/uploads\/[a-f0-9]{32}\.png$/);
    expect((await page.request.get(`${session.rt.url}${src}`)).status()).toBe(200);
    // The order shows the picture too.
    const { items } = await session.rt.ok('mall', { action: 'items', communityId: 'demo' }, 'demo_doudou');
    const itemId = items.find((i: { name: string }) => i.name === '亲子绘本一套').id;
    const { order } = await session.rt.ok(
      'mall',
      {
        action: 'redeem',
        communityId: 'demo',
        itemId,
        requestId: 'e2e-picture-order',
        shipping: { name: '豆豆妈', phone: '13800001234', address: '杭州市西湖区文三路 100 号' },
      },
      'demo_doudou',
    );
    await page.goto(`${session.rt.url}/#/packages/mall/pages/orders/index`);
    await page.locator(`#order-${order.id} img`).first().waitFor();
    expect(await page.locator(`#order-${order.id} img`).first().getAttribute('src')).toBe(src);
  });

  it('a member tries the lottery and sees the outcome, its roll and the cost taken', async () => {
    const { page, rt } = session;
    await actAs('demo_laowang');
    await rt.ok(
      'points',
      { action: 'adjust', communityId: 'demo', openid: 'demo_laowang', delta: 100, reason: '新人礼', requestId: 'e2e-lottery-0001' },
      'demo_owner',
    );
    await page.goto(`${rt.url}/#/packages/mall/pages/lottery/index`);
    await waitText('#lottery-balance', '100');
    await page.locator('#try-demo-draw').click();
    await page.locator('#draw-result').waitFor();
    await waitText('#lottery-balance', '50');
    const text = await page.locator('#draw-result').innerText();
    const { entries } = await rt.ok('points', { action: 'ledger', communityId: 'demo' }, 'demo_laowang');
    expect(entries[0]).toMatchObject({ kind: 'spend', delta: -50, refId: 'demo-draw' });
    expect(text).toContain(entries[0].detail.prizeId ? '抽中' : '谢谢参与');
    // The grid stopped on the outcome; the roll is behind 公示, not printed.
    expect(await page.locator('.lottery__cell--lit').getAttribute('id')).toBe(`cell-demo-draw-${entries[0].detail.prizeId ?? 'none'}`);
    expect(text).not.toContain('随机数');
    await page.locator('#draw-fairness').click();
    await waitText('#draw-roll', '本次随机数');
    await screenshot(page, 'e2e-lottery.png');
  });

  it('a member redeems a reward and sees the order and the new balance; the owner fulfils it', async () => {
    const { page, rt } = session;
    await actAs('demo_xiaomei');
    const before = (await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_xiaomei')).balance as number;
    // 商城 is a tab of the bottom bar.
    await page.locator('.weui-tabbar__item').filter({ hasText: '商城' }).click();
    await waitText('#mall-balance', String(before));
    // Shelves: what I can redeem now (not the 3000-point stroller), or a category.
    await page.locator('#shelf-can').click();
    await page.locator('#item-demo-stroller').waitFor({ state: 'detached' });
    await page.locator('#item-demo-handcream').waitFor();
    await page.locator('#mall-shelves').getByText('个护', { exact: true }).click();
    await page.locator('#item-demo-coupon').waitFor({ state: 'detached' });
    await screenshot(page, 'e2e-mall-shelves.png');
    await page.locator('#shelf-all').click();
    await page.locator('#item-demo-handcream').click();
    await page.locator('#item-name').waitFor();
    // Nothing is sent until the address is right; each problem shows beside its field, and the labels stay.
    await page.locator('#redeem-button').click();
    await waitText('#shipping-name-error', '请填写收件人');
    await page.locator('#shipping-name input').fill('小美');
    await page.locator('#shipping-phone input').fill('1390000');
    await page.locator('#shipping-address input').fill('上海市徐汇区漕溪北路 88 号');
    await page.locator('#redeem-button').click();
    await waitText('#shipping-phone-error', '请填写 11 位手机号');
    expect(await page.locator('#shipping-name-error').count()).toBe(0);
    expect(await page.locator('.shipping__label').allInnerTexts()).toEqual(['收件人', '手机号', '收货地址']);
    await screenshot(page, 'e2e-mall-item-address.png');
    await page.locator('#shipping-phone input').fill('13900001111');
    await page.locator('#redeem-button').click();
    await page.getByText('兑换', { exact: true }).click(); // the confirm dialog
    await page.waitForURL(/packages\/mall\/pages\/orders/);
    await page.getByText('护手霜试用装 ×1').waitFor();
    await screenshot(page, 'e2e-mall-orders.png');

    const mine = await rt.ok('mall', { action: 'orders', communityId: 'demo' }, 'demo_xiaomei');
    expect(mine.orders[0]).toMatchObject({ itemName: '护手霜试用装', status: 'pending', points: 120 });
    expect((await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_xiaomei')).balance).toBe(before - 120);
    await page.goto(`${rt.url}/#/pages/mall/index`);
    await waitText('#mall-balance', String(before - 120));

    await actAs('demo_owner');
    await page.locator('#admin-orders-link').click();
    const orderId = mine.orders[0].id as string;
    await waitText(`#order-${orderId}`, '待发货');
    await page.locator(`#courier-${orderId} input`).fill('顺丰速运');
    await page.locator(`#tracking-${orderId} input`).fill('SF1234567');
    await page.locator(`#note-${orderId} input`).fill('周一到');
    await page.locator(`#fulfil-${orderId}`).click();
    await page.locator(`#order-${orderId}`).waitFor({ state: 'detached' });
    await screenshot(page, 'e2e-admin-orders.png');

    const after = await rt.ok('mall', { action: 'orders', communityId: 'demo' }, 'demo_xiaomei');
    expect(after.orders[0]).toMatchObject({
      status: 'fulfilled',
      note: '周一到',
      delivery: { courier: '顺丰速运', trackingNo: 'SF1234567' },
    });
    await actAs('demo_xiaomei');
    await page.goto(`${rt.url}/#/packages/mall/pages/orders/index`);
    await waitText(`#order-${orderId}`, '已完成');
    // The order's detail: the address it went to, the courier and the tracking number to copy.
    await page.locator(`#detail-${orderId}`).click();
    await page.waitForURL(/mall\/pages\/order\/index/);
    await waitText(`#delivery-${orderId}`, '快递：顺丰速运 SF1234567');
    await waitText(`#shipping-${orderId}`, '上海市徐汇区漕溪北路 88 号');
    await screenshot(page, 'e2e-order-detail.png');
  });
});
