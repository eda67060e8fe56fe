import { sqliteHarness } from '../../cloudfunctions/testing/harness';
import { seedDemo } from '../../cloudfunctions/local/seed';
import { installWeappHost, waitFor } from '../support/weappHost';

const NOW = '2026-11-23T02:00:00Z';

describe('the compiled weapp home page (miniprogram-simulate)', () => {
  it('renders my points from the cloud and checks in with a tap', async () => {
    const h = sqliteHarness();
    await seedDemo(h.deps, new Date(NOW));
    const seeded = await h.ok('points', 'me', { communityId: 'demo' }, { openid: 'demo_xiaomei', now: NOW });
    const host = installWeappHost(h, { openid: 'demo_xiaomei', now: () => NOW });

    const page = await host.open('pages/home/index');
    expect(host.cloudInits).toEqual([expect.objectContaining({ traceUser: true })]); // once, at launch
    const text = (id: string) => page.querySelector(`#${id}`)?.dom.textContent?.trim();
    await waitFor(() => text('balance'));
    expect(Number(text('balance'))).toBe(seeded.balance);
    expect(text('streak')).toBe('已连续签到 6 天');
    expect(text('tier-name')).toBe('银');

    page.querySelector('#checkin-button').dispatchEvent('tap');
    await waitFor(() => text('checkin-button') === '今日已签到');
    expect(Number(text('balance'))).toBe(seeded.balance + 55);
    expect(text('streak')).toBe('已连续签到 7 天');
    const after = await h.ok('points', 'me', { communityId: 'demo' }, { openid: 'demo_xiaomei', now: NOW });
    expect(after).toMatchObject({ balance: seeded.balance + 55, checkedInToday: true });
  });
});
