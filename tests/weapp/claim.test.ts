import { installWeappHost, waitFor } from '../support/weappHost';
import { importedRow } from '../support/importedRow';

const NOW = '2026-11-23T02:00:00Z';
const textOf = (page: any, selector: string) => page.querySelector(selector)?.dom.textContent?.trim() ?? '';

describe('the compiled weapp: claiming an opening balance (miniprogram-simulate)', () => {
  it('a member opens the claim card (its community and code in the link) and the points arrive once', async () => {
    const { h, c, code } = await importedRow();
    const member = installWeappHost(h, { openid: 'o_alice', now: () => NOW });
    const claim = await member.open('packages/community/pages/claim/index', { communityId: c, code });
    (await waitFor(() => claim.querySelector('#claim-submit'))).dispatchEvent('tap');
    await waitFor(() => textOf(claim, '#claim-result').includes('+300 积分已到账'));
    expect((await h.ok('points', 'me', { communityId: c }, { openid: 'o_alice', now: NOW })).balance).toBe(300);
    claim.querySelector('#claim-submit').dispatchEvent('tap');
    await waitFor(() => textOf(claim, '#error').includes('已经领取过了'));
  });
});
