import { actAs as actAsIn, browserOnRuntime, waitForText, screenshot } from '../support/browserSession';

const session = browserOnRuntime();
const actAs = (openid: Parameters<typeof actAsIn>[1]) => actAsIn(session, openid);

describe('the owner’s 操作日志 in Chromium', () => {
  it('the owner sees who did what to whom, narrows it to the moderator, and opens the member concerned', async () => {
    const { page, rt } = session;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 390, height: 844 });
    await rt.ok(
      'points',
      { action: 'adjust', communityId: 'demo', openid: 'demo_doudou', delta: 20, reason: '分享辅食经验', requestId: 'e2e-audit-adjust' },
      'demo_owner',
    );

    await actAs('demo_owner');
    // Staff see their work first: what waits for them sits under the balance, above the fold.
    await waitForText(page, '#staff-waiting', '等你处理');
    expect(await page.evaluate(() => document.querySelector('#staff-card')!.getBoundingClientRect().bottom)).toBeLessThan(844);
    await page.locator('#console-link').click();
    await page.locator('#audit-link').click();
    await waitForText(page, '#audit-events', '给「豆豆妈」+20 积分：分享辅食经验');
    await waitForText(page, '#audit-events', '阿杰');
    await screenshot(page, 'e2e-audit.png');

    await page.locator('#audit-actor-demo_mod').click();
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('#audit-events .audit-row__who'));
      return rows.length > 0 && rows.every((row) => row.textContent === '阿杰');
    });
    await waitForText(page, '#audit-events', '通过「小美」的帖子');
    await screenshot(page, 'e2e-audit-moderator.png');
    await page.locator('#audit-events .audit-row').filter({ hasText: '通过「小美」的帖子' }).first().click();
    await page.waitForURL(/admin\/pages\/member\/index\?openid=demo_xiaomei/);

    expect(errors).toEqual([]);
  });

  it('a shipped order in the log links to the order itself: its address, courier and tracking number', async () => {
    const { page, rt } = session;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const { orders } = await rt.ok('mall', { action: 'orders', communityId: 'demo' }, 'demo_doudou');
    const waiting = orders.find((o: { status: string; shipping: unknown }) => o.status === 'pending' && o.shipping);
    await rt.ok(
      'mall',
      { action: 'fulfil', communityId: 'demo', orderId: waiting.id, courier: '中通快递', trackingNo: 'ZT778899', note: '已寄出' },
      'demo_mod',
    );
    // A fresh start: the last walk left pages stacked four deep.
    await page.goto('about:blank');
    await actAs('demo_owner');
    await page.locator('#console-link').click();
    await page.locator('#audit-link').click();
    await waitForText(page, '#audit-events', '中通快递 ZT778899，已寄出');
    await screenshot(page, 'e2e-audit-shipped.png');
    await page.locator('#audit-events .audit-row').filter({ hasText: '中通快递' }).first().click();
    await page.waitForURL(/mall\/pages\/order\/index\?id=/);
    await waitForText(page, `#delivery-${waiting.id}`, '快递：中通快递 ZT778899');
    await waitForText(page, `#shipping-${waiting.id}`, waiting.shipping.address);
    await screenshot(page, 'e2e-audit-order-detail.png');
    expect(errors).toEqual([]);
  });
});
