import { sqliteHarness } from '../../cloudfunctions/testing/harness';
import { seedDemo } from '../../cloudfunctions/local/seed';
import { installWeappHost, waitFor } from '../support/weappHost';

const NOW = '2026-11-23T02:00:00Z';

describe('the compiled weapp profile (miniprogram-simulate)', () => {
  it('shows the owner’s transfer limits, checks the amount, asks once and sends the gift', async () => {
    const h = sqliteHarness();
    await seedDemo(h.deps, new Date(NOW));
    const balance = async (openid: string) => (await h.ok('points', 'me', { communityId: 'demo' }, { openid, now: NOW })).balance;
    const [mei, dou] = [await balance('demo_xiaomei'), await balance('demo_doudou')];
    const host = installWeappHost(h, { openid: 'demo_xiaomei', now: () => NOW });
    const page = await host.open('packages/engage/pages/profile/index', { openid: 'demo_doudou', nickname: encodeURIComponent('豆豆妈') });
    const text = (selector: string) => page.querySelector(selector)?.dom.textContent ?? '';
    await waitFor(() => text('#gift-limits').includes('加入满 7 天后才能转赠'));
    expect(text('#profile-name')).toContain('豆豆妈');

    page.querySelector('#gift-amount').dispatchEvent('input', { detail: { value: '150' } });
    page.querySelector('#gift-send').dispatchEvent('tap');
    await waitFor(() => text('#gift-amount-error').includes('每次最多转赠 100 积分'));
    expect(host.dialogs).toHaveLength(0);

    page.querySelector('#gift-amount').dispatchEvent('input', { detail: { value: '40' } });
    page.querySelector('#gift-message').dispatchEvent('input', { detail: { value: '加油' } });
    page.querySelector('#gift-send').dispatchEvent('tap');
    await waitFor(() => text('#gift-done').includes('已送出 40 积分'));
    expect(host.dialogs).toEqual([{ title: '确认转赠', content: '送给「豆豆妈」40 积分？转出后不能撤回。' }]);
    expect([await balance('demo_xiaomei'), await balance('demo_doudou')]).toEqual([mei - 40, dou + 40]);
  });
});
