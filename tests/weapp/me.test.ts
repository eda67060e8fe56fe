import { sqliteHarness } from '../../cloudfunctions/testing/harness';
import { seedDemo } from '../../cloudfunctions/local/seed';
import { installWeappHost, waitFor } from '../support/weappHost';

const NOW = '2026-11-25T04:00:00Z';

describe('the compiled weapp 我的 page (miniprogram-simulate)', () => {
  it('shows the tier card, the badge wall and the tasks, and turns the leaderboard switch off', async () => {
    const h = sqliteHarness();
    await seedDemo(h.deps, new Date(NOW));
    const host = installWeappHost(h, { openid: 'demo_xiaomei', now: () => NOW });

    const page = await host.open('pages/me/index');
    const text = (selector: string) => page.querySelector(selector)?.dom.textContent?.trim() ?? '';
    await waitFor(() => text('#me-tier') !== '');
    const me = await h.ok('points', 'me', { communityId: 'demo' }, { openid: 'demo_xiaomei', now: NOW });
    expect(text('#me-tier')).toBe(me.tier.name);
    // The demo's 小美 wears a title: beside her name, and chosen in 我的装扮.
    expect(text('#me-nickname')).toBe('小美绘本达人');
    expect(text('#wardrobe')).toContain('✓ 称号「绘本达人」');
    expect(text('#tier-card')).toContain(me.tier.nextName ? `升级「${me.tier.nextName}」` : '最高等级');
    // What can be spent is shown first, and the tier's progress says it counts what was earned.
    expect(text('#me-balance')).toBe(String(me.balance));
    expect(me.balance).not.toBe(me.earnedTotal);
    expect(text('#tier-card')).toContain(`累计获得 ${me.tier.points}`);
    expect(page.querySelector('#badge-first_checkin').dom.className).toContain('badge-wall__badge--earned');
    expect(page.querySelector('#badge-streak_100').dom.className).not.toContain('badge-wall__badge--earned');
    expect(text('#badge-streak_30')).toMatch(/\d+\/30/);
    expect(text('#task-firstCheckin')).toContain('已完成');
    expect(text('#task-profile')).toContain('+10');
    // In WeChat the avatar is WeChat's chooser, not an album.
    expect(page.querySelector('#avatar-button').dom.tagName.toLowerCase()).toContain('button');

    page.querySelector('#board-switch').dispatchEvent('change', { detail: { value: false } });
    await waitFor(() => text('#me-notice') === '已不在排行榜上显示');
    expect((await h.ok('points', 'me', { communityId: 'demo' }, { openid: 'demo_xiaomei', now: NOW })).hideFromLeaderboard).toBe(true);
    expect(
      (await h.ok('points', 'leaderboard', { communityId: 'demo', period: 'all' }, { openid: 'demo_xiaomei', now: NOW })).me,
    ).toBeNull();
  });
});
