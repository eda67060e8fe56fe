import { sqliteHarness } from '../app/testing/harness';
import { DEMO_COMMUNITY_ID, seedDemo } from './seed';

describe('demo seed', () => {
  it('seeds once, with a ledger whose balances read true newest-first', async () => {
    const h = sqliteHarness();
    const { deps } = h;
    const now = new Date('2026-11-23T10:50:00Z');
    expect(await seedDemo(deps, now)).toBe(true);
    expect(await seedDemo(deps, now)).toBe(false);
    const { entries } = await h.ok('points', 'ledger', { communityId: DEMO_COMMUNITY_ID, limit: 100 }, { openid: 'demo_xiaomei', now: now.toISOString() });
    for (let i = 0; i + 1 < entries.length; i++) {
      expect(entries[i].balanceAfter - entries[i].delta).toBe(entries[i + 1].balanceAfter);
      expect(entries[i].createdAt >= entries[i + 1].createdAt).toBe(true);
    }
    const me = await h.ok('points', 'me', { communityId: DEMO_COMMUNITY_ID }, { openid: 'demo_xiaomei', now: now.toISOString() });
    expect(me).toMatchObject({ streak: 6, checkedInToday: false, nextBonusIn: 0 });
    const as = { openid: 'demo_mod', now: now.toISOString() };
    const queue = await h.ok('posts', 'list', { communityId: DEMO_COMMUNITY_ID, status: 'pending' }, as);
    expect(queue.posts.map((p: any) => [p.id, p.flag?.label ?? null])).toEqual([
      ['demo-post-2', null],
      ['demo-post-3', '广告'],
    ]);
    expect((await h.ok('posts', 'list', { communityId: DEMO_COMMUNITY_ID }, as)).posts.map((p: any) => p.id)).toEqual(['demo-post-1']);
    const { referrals } = await h.ok('referral', 'list', { communityId: DEMO_COMMUNITY_ID }, { openid: 'demo_xiaomei', now: now.toISOString() });
    expect(referrals).toEqual([expect.objectContaining({ openid: 'demo_laowang', status: 'pending' })]);
    expect((await h.ok('qa', 'get', { communityId: DEMO_COMMUNITY_ID, questionId: 'demo-q-1' }, as)).answers).toHaveLength(1);
  });
});
