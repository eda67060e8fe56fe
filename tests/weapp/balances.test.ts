import { importedRow } from '../support/importedRow';
import { installWeappHost, waitFor } from '../support/weappHost';

const NOW = '2026-11-23T02:00:00Z';
const textOf = (page: any, selector: string) => page.querySelector(selector)?.dom.textContent?.trim() ?? '';

describe('the compiled weapp: opening balances (miniprogram-simulate)', () => {
  it('the owner, opening the page first, sees each waiting row with its code and a 转发给TA card button', async () => {
    const { h, importId, code } = await importedRow();
    const owner = installWeappHost(h, { openid: 'o_owner', now: () => NOW });
    const balances = await owner.open('packages/admin/pages/balances/index');
    await waitFor(() => textOf(balances, '#imports-card').includes('300 积分'));
    balances.querySelector(`#import-${importId}`).dispatchEvent('tap');
    const forward = await waitFor(() => balances.querySelector('#forward-2'));
    expect(forward.dom.textContent).toContain('转发给TA');
    expect(textOf(balances, '#row-2')).toContain(`${code.slice(0, 4)}-${code.slice(4)}`);
  });
});
