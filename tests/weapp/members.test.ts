import { sqliteHarness } from '../../cloudfunctions/testing/harness';
import { seedDemo } from '../../cloudfunctions/local/seed';
import { installWeappHost, waitFor } from '../support/weappHost';

const NOW = '2026-11-23T02:00:00Z';

describe('the compiled weapp members page (miniprogram-simulate)', () => {
  it('lists the members from the cloud, searches by name and filters by role', async () => {
    const h = sqliteHarness();
    await seedDemo(h.deps, new Date(NOW));
    const host = installWeappHost(h, { openid: 'demo_owner', now: () => NOW });

    const page = await host.open('packages/admin/pages/members/index');
    const text = (selector: string) => page.querySelector(selector)?.dom.textContent?.trim();
    const rows = () => page.querySelectorAll('.member-row').map((row: { dom: HTMLElement }) => row.dom.textContent ?? '');
    await waitFor(() => rows().length === 5);
    expect(rows().find((row: string) => row.includes('小美'))).toMatch(/小美.*银|小美.*铜/);

    // Any part of a name finds it: 美 is the end of 小美.
    page.querySelector('#member-search').dispatchEvent('input', { detail: { value: '美' } });
    page.querySelector('#member-search-button').dispatchEvent('tap');
    await waitFor(() => rows().length === 1);
    expect(rows()[0]).toContain('小美');

    // A filter narrows the search: no moderator's name holds 美.
    page.querySelector('#role-moderator').dispatchEvent('tap');
    await waitFor(() => text('#members-empty') === '没有符合条件的成员');
    // Tapped again, the filter is off: the search alone.
    page.querySelector('#role-moderator').dispatchEvent('tap');
    await waitFor(() => rows().length === 1 && rows()[0].includes('小美'));
  });
});
