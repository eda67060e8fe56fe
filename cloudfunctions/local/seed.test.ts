import { sqliteHarness } from '../testing/harness';
import { issueGroupCloudId } from '../platform/local/groupCloudIds';
import { DEMO_COMMUNITY_ID, DEMO_GROUP, seedDemo } from './seed';

describe('demo seed', () => {
  it('seeds once, with a ledger whose balances read true newest-first', async () => {
    const h = sqliteHarness();
    const { deps } = h;
    const now = new Date('2026-11-23T10:50:00Z');
    expect(await seedDemo(deps, now)).toBe(true);
    expect(await seedDemo(deps, now)).toBe(false);
    const { entries } = await h.ok(
      'points',
      'ledger',
      { communityId: DEMO_COMMUNITY_ID, limit: 100 },
      { openid: 'demo_xiaomei', now: now.toISOString() },
    );
    for (let i = 0; i + 1 < entries.length; i++) {
      expect(entries[i].balanceAfter - entries[i].delta).toBe(entries[i + 1].balanceAfter);
      expect(entries[i].createdAt >= entries[i + 1].createdAt).toBe(true);
    }
    const me = await h.ok('points', 'me', { communityId: DEMO_COMMUNITY_ID }, { openid: 'demo_xiaomei', now: now.toISOString() });
    expect(me).toMatchObject({ streak: 6, checkedInToday: false, nextBonusIn: 0, worn: { title: '绘本达人', frame: null } });
    const as = { openid: 'demo_mod', now: now.toISOString() };
    const queue = await h.ok('posts', 'list', { communityId: DEMO_COMMUNITY_ID, status: 'pending' }, as);
    expect(queue.posts.map((p: any) => [p.id, p.flag?.label ?? null])).toEqual([
      ['demo-post-2', null],
      ['demo-post-3', '广告'],
    ]);
    expect((await h.ok('posts', 'list', { communityId: DEMO_COMMUNITY_ID }, as)).posts.map((p: any) => p.id)).toEqual(['demo-post-1']);
    const { referrals } = await h.ok(
      'referral',
      'list',
      { communityId: DEMO_COMMUNITY_ID },
      { openid: 'demo_xiaomei', now: now.toISOString() },
    );
    expect(referrals).toEqual([expect.objectContaining({ openid: 'demo_laowang', status: 'pending' })]);
    expect((await h.ok('qa', 'get', { communityId: DEMO_COMMUNITY_ID, questionId: 'demo-q-1' }, as)).answers).toHaveLength(1);
  });

  it('shows the engagement layer: an active campaign, a few badges, tasks half done, a leaderboard with a tie', async () => {
    const h = sqliteHarness();
    // A Wednesday noon in Shanghai: the week's board holds several days.
    const now = new Date('2026-11-25T04:00:00Z');
    await seedDemo(h.deps, now);
    const as = (openid: string) => ({ openid, now: now.toISOString() });
    const { campaigns } = await h.ok('campaigns', 'list', { communityId: DEMO_COMMUNITY_ID }, as('demo_xiaomei'));
    expect(campaigns.map((c) => [c.name, c.status])).toEqual(
      expect.arrayContaining([
        ['互助双倍周', 'active'],
        ['坚持签到挑战', 'active'],
      ]),
    );
    const badges = (await h.ok('points', 'badges', { communityId: DEMO_COMMUNITY_ID }, as('demo_xiaomei'))).badges
      .filter((b) => b.earnedAt)
      .map((b) => b.key);
    expect(badges).toEqual(expect.arrayContaining(['first_checkin', 'streak_7', 'first_post']));
    const tasks = (await h.ok('points', 'tasks', { communityId: DEMO_COMMUNITY_ID }, as('demo_xiaomei'))).tasks;
    const done = tasks.filter((t) => t.done).length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(tasks.length);
    expect((await h.ok('campaigns', 'progress', { communityId: DEMO_COMMUNITY_ID }, as('demo_xiaomei'))).challenges).toEqual([
      expect.objectContaining({ name: '坚持签到挑战', done: true }),
    ]);
    const board = await h.ok('points', 'leaderboard', { communityId: DEMO_COMMUNITY_ID, period: 'week' }, as('demo_xiaomei'));
    const ranks = board.rows.map((r) => r.rank);
    expect(new Set(ranks).size).toBeLessThan(ranks.length);
    expect(board.rows.map((r) => r.openid)).not.toContain('demo_owner');
    // Its WeChat group is bound: a card tapped there lands in the demo.
    const fromGroup = await h.ok(
      'community',
      'byGroup',
      { groupCloudId: { cloudID: issueGroupCloudId(DEMO_GROUP, new Date(now)) } },
      as('someone_new'),
    );
    expect(fromGroup).toEqual({ community: { id: DEMO_COMMUNITY_ID, name: '花园宝妈互助群' }, role: null });
  });
});
