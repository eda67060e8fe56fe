import { actAs as actAsIn, browserOnRuntime, waitForText, screenshot } from '../support/browserSession';

const session = browserOnRuntime();
const actAs = (openid: Parameters<typeof actAsIn>[1]) => actAsIn(session, openid);

describe('会员码 and a purchase in Chromium', () => {
  it('a member shows her code; the owner pastes it, sees who it is, types the amount, confirms what it pays, and it is credited once', async () => {
    const { page, rt } = session;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 390, height: 844 });
    await actAs('demo_xiaomei');
    await page.goto(`${rt.url}/#/pages/me/index`);
    await page.locator('#member-code-link').click();
    await page.locator('#member-code-qr img, img#member-code-qr, #member-code-qr').first().waitFor();
    await waitForText(page, '#member-code-left', '秒后自动刷新');
    const code = (await page.locator('#member-code-text').textContent())!.trim();
    expect(code).toMatch(/^demo\.demo_xiaomei\./);
    await screenshot(page, 'e2e-member-code.png');
    const before = (await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_xiaomei')).balance as number;

    await actAs('demo_owner');
    await page.locator('#console-link').click();
    await page.locator('#scan-link').click();
    await page.locator('#scan-code input').fill(code);
    await page.locator('#scan-look-up').click();
    await waitForText(page, '#scanned-member', '小美');
    await page.locator('#purchase-credit').click();
    await waitForText(page, '#purchase-amount-error', '请填消费金额');
    await page.locator('#purchase-amount input').fill('99.90');
    await page.locator('#purchase-credit').click();
    await page.getByText(/记消费 ¥99\.90，得 \d+ 积分/).waitFor();
    await page.getByText('确认', { exact: true }).last().click();
    await waitForText(page, '#purchase-done', '小美 +');
    await screenshot(page, 'e2e-purchase-credited.png');
    const after = (await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_xiaomei')).balance as number;
    expect(after).toBeGreaterThanOrEqual(before + 99);
    // The same code again: used.
    await page.locator('#scan-code input').fill(code);
    await page.locator('#scan-look-up').click();
    await waitForText(page, '#error', '已用过');
    expect(errors).toEqual([]);
  });

  it('a coupon order carries a pickup QR; the owner scans (types) it and it is redeemed once; the member sees it done', async () => {
    const { page, rt } = session;
    await page.setViewportSize({ width: 390, height: 844 });
    const { order } = await rt.ok(
      'mall',
      { action: 'redeem', communityId: 'demo', itemId: 'demo-coupon', requestId: 'e2e-pickup-0001' },
      'demo_xiaomei',
    );
    await actAs('demo_xiaomei');
    await page.goto(`${rt.url}/#/packages/mall/pages/orders/index`);
    await page.locator(`#pickup-${order.id}`).waitFor();
    const code = ((await page.locator(`#pickup-${order.id}`).textContent()) ?? '').match(/核销码 (\S{4}-\S{4})/)![1];
    await page.locator(`#pickup-${order.id}`).scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-pickup-code.png');

    await actAs('demo_owner');
    await page.locator('#console-link').click();
    await waitForText(page, '#scan-link', '待核销');
    await page.locator('#scan-link').click();
    await page.locator('#scan-code input').fill(code);
    await page.locator('#scan-look-up').click();
    await waitForText(page, '#pickup-verified', '已核销：满99减20优惠券');
    await screenshot(page, 'e2e-pickup-verified.png');
    await page.locator('#scan-code input').fill(code);
    await page.locator('#scan-look-up').click();
    await waitForText(page, '#error', '核销过了');

    await actAs('demo_xiaomei');
    await page.goto(`${rt.url}/#/packages/mall/pages/orders/index`);
    await waitForText(page, `#order-${order.id}`, '已核销');
  });
});
