import { sqliteHarness } from '../../cloudfunctions/testing/harness';
import { seedDemo } from '../../cloudfunctions/local/seed';
import { installWeappHost, waitFor } from '../support/weappHost';

const NOW = '2026-11-23T02:00:00Z';

describe('the compiled weapp review queue (miniprogram-simulate)', () => {
  it('shows pending posts with their flags; approves with the chosen points and rejects with a reason', async () => {
    const h = sqliteHarness();
    await seedDemo(h.deps, new Date(NOW));
    const before = (await h.ok('points', 'me', { communityId: 'demo' }, { openid: 'demo_doudou', now: NOW })).balance;
    const host = installWeappHost(h, { openid: 'demo_mod', now: () => NOW });

    const page = await host.open('packages/admin/pages/review/index');
    const text = (id: string) => page.querySelector(`#${id}`)?.dom.textContent?.trim();
    const tap = (id: string) => page.querySelector(`#${id}`).dispatchEvent('tap');
    await waitFor(() => text('review-count') === '待审核 2 篇');
    expect(text('flag-demo-post-3')).toContain('广告');
    expect(text('flag-demo-post-2')).toBeUndefined();
    await waitFor(() => text('points-demo-post-2-200')); // the choices come from the community's rules

    tap('points-demo-post-2-200');
    await waitFor(() => text('approve-demo-post-2')?.includes('200'));
    tap('approve-demo-post-2');
    await waitFor(() => text('review-notice') === '已通过，作者获得 200 积分');
    expect(text('review-count')).toBe('待审核 1 篇');
    // The 200 chosen, and the demo's first-post task (20).
    expect((await h.ok('points', 'me', { communityId: 'demo' }, { openid: 'demo_doudou', now: NOW })).balance).toBe(before + 220);
    const { notices } = await h.ok('notices', 'list', { communityId: 'demo' }, { openid: 'demo_doudou', now: NOW });
    expect(notices[0]).toMatchObject({ kind: 'post_approved', refId: 'demo-post-2', points: 200 });

    tap('reason-chip-demo-post-3-3');
    await waitFor(() => !page.querySelector('#reject-demo-post-3 button, #reject-demo-post-3')?.dom.outerHTML.includes('disabled'));
    tap('reject-demo-post-3');
    await waitFor(() => text('review-notice') === '已驳回，作者会看到理由');
    expect(text('review-count')).toBe('待审核 0 篇');
    const mine = await h.ok('posts', 'list', { communityId: 'demo', status: 'mine' }, { openid: 'demo_laowang', now: NOW });
    expect(mine.posts[0]).toMatchObject({ id: 'demo-post-3', status: 'rejected', reason: '含有广告或联系方式' });
  });
});
