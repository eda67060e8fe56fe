import { actAs as actAsIn, browserOnRuntime, waitForText, screenshot } from '../support/browserSession';

const session = browserOnRuntime();
const actAs = (openid: Parameters<typeof actAsIn>[1]) => actAsIn(session, openid);

/** A spreadsheet saved by Excel on a Chinese Windows: GBK, a header, one row with a problem. */
const SHEET = Buffer.concat([
  Buffer.from('name,points,note\r\n'),
  Buffer.from([0xb0, 0xa2, 0xbb, 0xa8]), // 阿花
  Buffer.from(',300,VIP\r\nLaoWang,12.5,\r\nDoudou,80,\r\n'),
]);

describe('opening balances in Chromium', () => {
  it('the owner imports a GBK sheet after seeing its problem by line; a member claims with the code; the owner gives another row to a member', async () => {
    const { page, rt } = session;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 390, height: 844 });
    await actAs('demo_owner');
    await page.locator('#console-link').click();
    await page.locator('#balances-link').click();

    const chooser = page.waitForEvent('filechooser');
    await page.locator('#import-pick').click();
    await (await chooser).setFiles({ name: '老会员积分.csv', mimeType: 'text/csv', buffer: SHEET });
    await waitForText(page, '#import-summary', '可导入 2 行，共 380 积分；1 行有问题');
    await page.getByText('第 3 行「LaoWang,12.5,」：积分须是整数').waitFor();
    await page.getByText('第 2 行：阿花 300 分（VIP）').waitFor();
    await waitForText(page, '#import-confirm', '先改正有问题的行，或选择跳过');
    await page.locator('#import-skip').click();
    await screenshot(page, 'e2e-balances-preview.png');
    await page.locator('#import-confirm').click();
    await page.getByText('导入 2 行，共 380 积分；跳过有问题的 1 行').waitFor();
    await page.getByText('导入', { exact: true }).last().click();
    await page.locator('#row-2').getByText('领取码').waitFor();
    await screenshot(page, 'e2e-balances-rows.png');

    const [imported] = (await rt.ok('points', { action: 'imports', communityId: 'demo' }, 'demo_owner')).imports;
    const { rows } = await rt.ok('points', { action: 'importRows', communityId: 'demo', importId: imported.id }, 'demo_owner');
    const code = rows.find((r: { line: number }) => r.line === 2).code as string;
    const before = (await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_xiaomei')).balance as number;

    // The owner gives the third line to 豆豆妈 by name.
    await page.locator('#match-4').click();
    await page.locator('#match-who input').fill('豆豆妈');
    await page.locator('#match-confirm').click();
    await page.getByText('确认', { exact: true }).last().click();
    await page.locator('#row-4').waitFor({ state: 'detached' });

    await actAs('demo_xiaomei');
    await page.goto(
      `${rt.url}/#/packages/community/pages/claim/index?communityId=demo&code=${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`,
    );
    await page.locator('#claim-submit').click();
    await waitForText(page, '#claim-result', '+300 积分已到账');
    await screenshot(page, 'e2e-balances-claimed.png');
    expect((await rt.ok('points', { action: 'me', communityId: 'demo' }, 'demo_xiaomei')).balance).toBe(before + 300);
    // A second tap (or another member) cannot take it again.
    await page.locator('#claim-submit').click();
    await waitForText(page, '#error', '已经领取过了');
    expect(errors).toEqual([]);
  });
});
