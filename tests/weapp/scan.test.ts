import { communityWithMembers, sqliteHarness } from '../../cloudfunctions/testing/harness';
import { installWeappHost, waitFor } from '../support/weappHost';

const NOW = '2026-11-23T02:00:00Z';
const textOf = (page: any, selector: string) => page.querySelector(selector)?.dom.textContent?.trim() ?? '';

describe('the compiled weapp: 扫码记积分 (miniprogram-simulate)', () => {
  it("staff scan a member code with WeChat's scanner, see who it is, confirm what the amount pays, and it is credited", async () => {
    const h = sqliteHarness();
    const c = await communityWithMembers(h);
    await h.ok(
      'community',
      'updateRules',
      { communityId: c, rules: { purchase: { enabled: true, pointsPerYuan: 2 } } },
      { openid: 'o_owner', now: NOW },
    );
    const { code } = await h.ok('points', 'memberCode', { communityId: c }, { openid: 'o_alice', now: NOW });
    const staff = installWeappHost(h, { openid: 'o_owner', now: () => NOW, scanCode: () => code });
    const page = await staff.open('packages/admin/pages/scan/index');
    (await waitFor(() => page.querySelector('#scan-button'))).dispatchEvent('tap');
    await waitFor(() => textOf(page, '#scanned-member').includes('alice'));
    page.querySelector('#purchase-amount').dispatchEvent('input', { detail: { value: '12.5' } });
    page.querySelector('#purchase-credit').dispatchEvent('tap');
    await waitFor(() => textOf(page, '#purchase-done').includes('+25 积分'));
    expect(staff.dialogs.at(-1)).toEqual({ title: '确认记积分？', content: expect.stringContaining('记消费 ¥12.50，得 25 积分') });
    expect((await h.ok('points', 'me', { communityId: c }, { openid: 'o_alice', now: NOW })).balance).toBe(25);
  });
});
