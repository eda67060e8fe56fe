import { communityWithMembers, sqliteHarness } from '../../cloudfunctions/testing/harness';
import { installWeappHost, waitFor } from '../support/weappHost';

const NOW = '2026-11-23T02:00:00Z';
const textOf = (page: any, selector: string) => page.querySelector(selector)?.dom.textContent?.trim() ?? '';

describe('the compiled weapp: 会员码 (miniprogram-simulate)', () => {
  it('shows the member a QR of a code the server holds for them, with how long it has left', async () => {
    const h = sqliteHarness();
    const c = await communityWithMembers(h);
    const member = installWeappHost(h, { openid: 'o_alice', now: () => NOW });
    const page = await member.open('packages/engage/pages/membercode/index');
    await waitFor(() => textOf(page, '#member-code-text').startsWith(`${c}.o_alice.`));
    expect(page.querySelector('#member-code-qr')).toBeTruthy();
    expect(textOf(page, '#member-code-left')).toMatch(/秒后自动刷新|正在刷新/);
    // The code shown is the one a purchase accepts.
    await h.ok('community', 'updateRules', { communityId: c, rules: { purchase: { enabled: true } } }, { openid: 'o_owner', now: NOW });
    const bought = await h.ok(
      'points',
      'purchase',
      { communityId: c, code: textOf(page, '#member-code-text'), amountFen: 5_000, requestId: 'weapp-code-1' },
      { openid: 'o_owner', now: NOW },
    );
    expect(bought.points).toBe(50);
  });
});
