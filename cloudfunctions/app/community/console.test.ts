import { STORIES } from '../../core/testing/stories';
import type { AppStore } from '../kernel/documents';
import { keptPageOf } from '../kernel/paging';
import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

const NOW = '2026-03-03T02:00:00Z';
const owner = { openid: 'o_owner', now: NOW };
const alice = { openid: 'o_alice', now: NOW };
const bob = { openid: 'o_bob', now: NOW };

let h: Harness;
let c: string;

eachStore((open) => {
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
  });

  const auditActions = async () => (await h.ok('community', 'audit', { communityId: c, limit: 100 }, owner)).events.map((e) => e.action);

  describe('community.ban', () => {
    it('stops every way a banned member earns or spends, keeps their points and reading, and lifts cleanly', async () => {
      await h.ok('checkin', 'checkin', { communityId: c }, { openid: 'o_bob', now: '2026-03-02T02:00:00Z' });
      const { item } = await h.ok(
        'mall',
        'upsertItem',
        { communityId: c, item: { name: '券', kind: 'service', pointsPrice: 1, stock: 5 } },
        owner,
      );
      const { draw } = await h.ok(
        'mall',
        'upsertDraw',
        { communityId: c, draw: { name: '转盘', costPoints: 1, prizes: [{ name: '公仔', weight: 100, stock: 1 }] } },
        owner,
      );
      const { post: bobsPost } = await h.ok('posts', 'create', { communityId: c, body: STORIES[0] }, bob);
      const { post: alicesPost } = await h.ok('posts', 'create', { communityId: c, body: STORIES[1] }, alice);
      await h.ok('posts', 'review', { communityId: c, postId: alicesPost.id, decision: 'approve' }, owner);
      const { question } = await h.ok('qa', 'ask', { communityId: c, title: '宝宝夜醒怎么办', body: '一岁半，每晚醒三四次' }, alice);
      const { answer } = await h.ok(
        'qa',
        'answer',
        { communityId: c, questionId: question.id, body: '睡前一小时关掉屏幕，固定洗澡讲故事的顺序，坚持两周会好很多' },
        bob,
      );

      const banned = await h.ok('community', 'ban', { communityId: c, openid: 'o_bob', banned: true, reason: '刷屏广告' }, owner);
      expect(banned.member).toMatchObject({ openid: 'o_bob', banned: true, balance: 5 });

      const refused = [
        await h.call('checkin', 'checkin', { communityId: c }, bob),
        await h.call('posts', 'create', { communityId: c, body: STORIES[2] }, bob),
        await h.call('posts', 'like', { communityId: c, postId: alicesPost.id }, bob),
        await h.call(
          'qa',
          'answer',
          { communityId: c, questionId: question.id, body: '再补充一句：白天多晒太阳也有帮助，作息规律最重要' },
          bob,
        ),
        await h.call('mall', 'redeem', { communityId: c, itemId: item.id, requestId: 'banned-redeem-1' }, bob),
        await h.call('mall', 'draw', { communityId: c, drawId: draw.id, requestId: 'banned-draw-01' }, bob),
        await h.call('referral', 'invite', { communityId: c }, bob),
      ];
      for (const reply of refused)
        expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('暂停') } });

      // What others do for them earns them nothing either: an approval, an acceptance.
      expect(await h.ok('posts', 'review', { communityId: c, postId: bobsPost.id, decision: 'approve' }, owner)).toMatchObject({
        awarded: 0,
      });
      expect(await h.ok('qa', 'accept', { communityId: c, answerId: answer.id }, alice)).toMatchObject({ awarded: 0 });

      // They still read, and nothing they had is gone.
      expect(await h.ok('points', 'me', { communityId: c }, bob)).toMatchObject({ balance: 5 });
      expect((await h.ok('points', 'ledger', { communityId: c }, bob)).entries).toHaveLength(1);
      expect((await h.ok('posts', 'list', { communityId: c }, bob)).posts.length).toBeGreaterThan(0);
      expect((await h.ok('mall', 'items', { communityId: c }, bob)).items).toHaveLength(1);

      // Banning again changes nothing and records nothing; lifting it lets them earn again.
      await h.ok('community', 'ban', { communityId: c, openid: 'o_bob', banned: true, reason: '再次' }, owner);
      expect(
        (await h.ok('community', 'ban', { communityId: c, openid: 'o_bob', banned: false, reason: '已道歉' }, owner)).member.banned,
      ).toBe(false);
      expect(await h.ok('checkin', 'checkin', { communityId: c }, bob)).toMatchObject({ awarded: 5, balance: 10 });
      expect((await auditActions()).filter((a) => a === 'community.ban')).toHaveLength(2);
    });

    it("suspends a moderator's staff powers with the ban, and gives them back when it is lifted", async () => {
      await h.ok('community', 'setRole', { communityId: c, openid: 'o_alice', role: 'moderator' }, owner);
      const { post } = await h.ok('posts', 'create', { communityId: c, body: STORIES[0] }, bob);
      const { item } = await h.ok(
        'mall',
        'upsertItem',
        { communityId: c, item: { name: '券', kind: 'service', pointsPrice: 1, stock: 5 } },
        owner,
      );
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_bob', delta: 10, reason: '活动奖励', requestId: 'mod-ban-setup-1' },
        owner,
      );
      const { order } = await h.ok('mall', 'redeem', { communityId: c, itemId: item.id, requestId: 'mod-ban-order-1' }, bob);
      await h.ok('community', 'ban', { communityId: c, openid: 'o_alice', banned: true, reason: '滥用管理权限' }, owner);

      const refused = [
        await h.call(
          'points',
          'adjust',
          { communityId: c, openid: 'o_bob', delta: 500, reason: '私下补偿', requestId: 'mod-ban-adjust-1' },
          alice,
        ),
        await h.call('posts', 'review', { communityId: c, postId: post.id, decision: 'approve' }, alice),
        await h.call('posts', 'revoke', { communityId: c, postId: post.id, reason: '不合适' }, alice),
        await h.call('mall', 'fulfil', { communityId: c, orderId: order.id }, alice),
        await h.call('mall', 'cancel', { communityId: c, orderId: order.id, reason: '不发了' }, alice),
        await h.call('community', 'members', { communityId: c }, alice),
        await h.call('stats', 'overview', { communityId: c, days: 7 }, alice),
      ];
      for (const reply of refused)
        expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('暂停') } });
      expect(await h.call('mall', 'orders', { communityId: c, scope: 'all' }, alice)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect((await h.ok('points', 'me', { communityId: c }, bob)).balance).toBe(9);
      expect(await h.call('posts', 'list', { communityId: c, status: 'pending' }, alice)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      // Their app is told the role they act in, so it offers no staff tools that would be refused.
      expect((await h.ok('community', 'get', { communityId: c }, alice)).role).toBe('member');
      expect((await h.ok('community', 'member', { communityId: c, openid: 'o_alice' }, owner)).member).toMatchObject({
        role: 'moderator',
        banned: true,
      });
      expect(
        (await auditActions()).filter((a) => !['community.setRole', 'community.ban', 'mall.upsertItem', 'points.adjust'].includes(a)),
      ).toEqual([]);

      await h.ok('community', 'ban', { communityId: c, openid: 'o_alice', banned: false, reason: '已沟通' }, owner);
      expect((await h.ok('community', 'get', { communityId: c }, alice)).role).toBe('moderator');
      expect(await h.ok('posts', 'review', { communityId: c, postId: post.id, decision: 'approve' }, alice)).toMatchObject({
        post: { status: 'approved' },
      });
    });

    it('is for the owner only, never bans the owner, and needs a member and a reason', async () => {
      await h.ok('community', 'setRole', { communityId: c, openid: 'o_alice', role: 'moderator' }, owner);
      expect(await h.call('community', 'ban', { communityId: c, openid: 'o_bob', banned: true, reason: 'x' }, alice)).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(await h.call('community', 'ban', { communityId: c, openid: 'o_owner', banned: true, reason: 'x' }, owner)).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(await h.call('community', 'ban', { communityId: c, openid: 'o_nobody', banned: true, reason: 'x' }, owner)).toMatchObject({
        error: { code: 'NOT_FOUND' },
      });
      expect(await h.call('community', 'ban', { communityId: c, openid: 'o_bob', banned: true, reason: ' ' }, owner)).toMatchObject({
        error: { code: 'INVALID_INPUT' },
      });
      expect(await h.call('community', 'ban', { communityId: c, openid: 'o_bob', banned: 'yes', reason: 'x' }, owner)).toMatchObject({
        error: { code: 'INVALID_INPUT' },
      });
      expect((await h.ok('community', 'member', { communityId: c, openid: 'o_bob' }, owner)).member.banned).toBe(false);
    });
  });

  describe('community.audit', () => {
    it('records each staff action once, in its transaction; a replay or a change to nothing records none', async () => {
      const adjust = { communityId: c, openid: 'o_bob', delta: 30, reason: '线下活动', requestId: 'adjust-0001' };
      // One minute apart, so newest-first is one order.
      const at = (minute: number, openid = 'o_owner') => ({ openid, now: `2026-03-03T02:${String(minute).padStart(2, '0')}:00Z` });
      await h.ok('points', 'adjust', adjust, at(1));
      await h.ok('points', 'adjust', adjust, at(2));
      await Promise.all([1, 2, 3].map(() => h.call('points', 'adjust', adjust, at(3))));
      await h.ok('community', 'updateRules', { communityId: c, rules: { checkin: { points: 3 } } }, at(4));
      await h.ok('community', 'updateRules', { communityId: c, rules: { checkin: { points: 3 } } }, at(5));
      await h.ok('community', 'setRole', { communityId: c, openid: 'o_alice', role: 'moderator' }, at(6));
      await h.ok('community', 'setRole', { communityId: c, openid: 'o_alice', role: 'moderator' }, at(7));
      const { item } = await h.ok(
        'mall',
        'upsertItem',
        { communityId: c, item: { name: '抱枕', kind: 'physical', pointsPrice: 10, stock: 2 } },
        at(8),
      );
      const { order } = await h.ok(
        'mall',
        'redeem',
        { communityId: c, itemId: item.id, requestId: 'audit-redeem-1', shipping: { name: '王', phone: '13800138000', address: '上海' } },
        at(9, 'o_bob'),
      );
      await h.ok('mall', 'fulfil', { communityId: c, orderId: order.id, note: '顺丰 SF1' }, at(10, 'o_alice'));
      expect(await auditActions()).toEqual([
        'mall.fulfil',
        'mall.upsertItem',
        'community.setRole',
        'community.updateRules',
        'points.adjust',
      ]);

      const { events } = await h.ok('community', 'audit', { communityId: c, limit: 100 }, owner);
      expect(events.find((e) => e.action === 'community.updateRules')).toMatchObject({
        actor: 'o_owner',
        target: c,
        detail: { before: { checkin: { points: 5 } }, after: { checkin: { points: 3 } } },
      });
      expect(events.find((e) => e.action === 'points.adjust')).toMatchObject({
        actor: 'o_owner',
        target: 'o_bob',
        detail: { delta: 30, reason: '线下活动' },
      });
      expect(events.find((e) => e.action === 'mall.fulfil')).toMatchObject({ actor: 'o_alice', target: order.id });
      expect(events.find((e) => e.action === 'community.setRole')).toMatchObject({ detail: { before: 'member', after: 'moderator' } });
    });

    it("the tiers are the owner's: a moderator's change of tiers or of how they are kept is refused and changes nothing", async () => {
      await h.ok('community', 'setRole', { communityId: c, openid: 'o_alice', role: 'moderator' }, owner);
      const before = (await h.ok('community', 'get', { communityId: c }, owner)).community.rules;
      const tiers = before.tiers.map((tier, i) => (i === 1 ? { ...tier, multiplier: 3, perks: ['专属客服'] } : tier));
      for (const rules of [{ tiers }, { tierRetention: { mode: 'rolling', windowDays: 90, graceDays: 7 } }])
        expect(await h.call('community', 'updateRules', { communityId: c, rules }, alice)).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });
      expect((await h.ok('community', 'get', { communityId: c }, owner)).community.rules).toEqual(before);
      expect(await auditActions()).toEqual(['community.setRole']);
    });

    it('records nothing for a staff action that is refused', async () => {
      await h.call('points', 'adjust', { communityId: c, openid: 'o_bob', delta: -999, reason: '扣分', requestId: 'adjust-0002' }, owner);
      await h.call('community', 'updateRules', { communityId: c, rules: { post: { minPoints: 500 } } }, owner);
      expect(await auditActions()).toEqual([]);
    });

    it('pages newest first and is for the owner only', async () => {
      for (let i = 0; i < 5; i++) {
        await h.ok(
          'points',
          'adjust',
          { communityId: c, openid: 'o_bob', delta: 1, reason: `第${i}次`, requestId: `adjust-page-${i}` },
          { openid: 'o_owner', now: `2026-03-03T02:0${i}:00Z` },
        );
      }
      const first = await h.ok('community', 'audit', { communityId: c, limit: 3 }, owner);
      expect(first.events.map((e) => e.detail.reason)).toEqual(['第4次', '第3次', '第2次']);
      const rest = await h.ok('community', 'audit', { communityId: c, limit: 3, cursor: first.nextCursor }, owner);
      expect(rest).toMatchObject({ events: [{ detail: { reason: '第1次' } }, { detail: { reason: '第0次' } }], nextCursor: null });
      await h.ok('community', 'setRole', { communityId: c, openid: 'o_alice', role: 'moderator' }, owner);
      // A kind the log never records is a mistake, said as such, not an empty log.
      expect(await h.call('community', 'audit', { communityId: c, kind: 'community.nothing' }, owner)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('kind') },
      });
      expect((await h.ok('community', 'audit', { communityId: c, kind: 'community.setRole' }, owner)).events).toMatchObject([
        { action: 'community.setRole', target: 'o_alice' },
      ]);
      expect(
        (await h.ok('community', 'audit', { communityId: c, kind: 'points.adjust', limit: 2 }, owner)).events.map((e) => e.detail.reason),
      ).toEqual(['第4次', '第3次']);
      expect(await h.call('community', 'audit', { communityId: c, kind: 'drop table' }, owner)).toMatchObject({
        error: { code: 'INVALID_INPUT' },
      });
      expect(await h.call('community', 'audit', { communityId: c }, alice)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    });
  });

  describe('community.member', () => {
    it('shows staff one member with their tier, streak and newest entries', async () => {
      for (let d = 1; d <= 3; d++)
        await h.ok('checkin', 'checkin', { communityId: c }, { openid: 'o_bob', now: `2026-03-0${d}T02:00:00Z` });
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_bob', delta: 600, reason: '活动奖励', requestId: 'adjust-tier-1' },
        owner,
      );
      const { member, entries } = await h.ok('community', 'member', { communityId: c, openid: 'o_bob' }, owner);
      expect(member).toMatchObject({ openid: 'o_bob', nickname: 'bob', tier: '银', streak: 3, balance: 615, banned: false });
      expect(entries.map((e) => e.delta)).toEqual([600, 5, 5, 5]);
      expect(await h.call('community', 'member', { communityId: c, openid: 'o_bob' }, alice)).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(await h.call('community', 'member', { communityId: c, openid: 'o_nobody' }, owner)).toMatchObject({
        error: { code: 'NOT_FOUND' },
      });
    });
  });

  describe('community.updateProfile', () => {
    it('changes one’s own nickname (found by it at once), avatar and leaderboard choice; a birthday once', async () => {
      const { member } = await h.ok(
        'community',
        'updateProfile',
        { communityId: c, nickname: '小美妈妈', avatar: 'cloud://env/avatars/a.png', hideFromLeaderboard: true },
        alice,
      );
      expect(member).toMatchObject({
        openid: 'o_alice',
        nickname: '小美妈妈',
        avatar: 'cloud://env/avatars/a.png',
        hideFromLeaderboard: true,
      });
      expect((await h.ok('community', 'members', { communityId: c, q: '小美' }, owner)).members.map((m) => m.openid)).toEqual(['o_alice']);
      expect((await h.ok('community', 'members', { communityId: c, q: 'alice' }, owner)).members).toEqual([]);

      expect((await h.ok('community', 'updateProfile', { communityId: c, birthday: '03-08' }, alice)).member.birthday).toBe('03-08');
      expect((await h.ok('community', 'updateProfile', { communityId: c, birthday: '03-08' }, alice)).member.birthday).toBe('03-08');
      expect(await h.call('community', 'updateProfile', { communityId: c, birthday: '03-09' }, alice)).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(await h.call('community', 'updateProfile', { communityId: c, birthday: '02-30' }, bob)).toMatchObject({
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('没有这一天') },
      });
      expect(await h.call('community', 'updateProfile', { communityId: c, birthday: '2026-03-08' }, bob)).toMatchObject({
        error: { code: 'INVALID_INPUT' },
      });
      expect(await h.call('community', 'updateProfile', { communityId: c, avatar: 'javascript:alert(1)' }, bob)).toMatchObject({
        error: { code: 'INVALID_INPUT' },
      });
      expect(
        await h.call('community', 'updateProfile', { communityId: c, nickname: '陌生人' }, { openid: 'o_stranger', now: NOW }),
      ).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect((await h.ok('community', 'member', { communityId: c, openid: 'o_bob' }, owner)).member).toMatchObject({
        nickname: 'bob',
        birthday: null,
        avatar: null,
      });
    });
  });
});

describe('community.members filters', () => {
  eachStore((open) => {
    beforeEach(async () => {
      h = open();
      c = await communityWithMembers(h);
    });

    it('filters by role, tier and segment and sorts by activity or points, each over its own range', async () => {
      await h.ok('community', 'setRole', { communityId: c, openid: 'o_alice', role: 'moderator' }, owner);
      await h.ok('points', 'adjust', { communityId: c, openid: 'o_bob', delta: 600, reason: '活动', requestId: 'filter-adj-01' }, owner);
      for (let d = 0; d < 15; d++)
        await h.ok(
          'checkin',
          'checkin',
          { communityId: c },
          { openid: 'o_alice', now: `2026-03-${String(2 + d).padStart(2, '0')}T02:00:00Z` },
        );
      await h.ok('community', 'join', { communityId: c, nickname: '新人' }, { openid: 'o_new', now: '2026-03-15T02:00:00Z' });
      await h.ok('checkin', 'checkin', { communityId: c }, { openid: 'o_bob', now: '2026-03-08T02:00:00Z' });
      const later = { openid: 'o_owner', now: '2026-03-16T12:00:00Z' };
      const list = async (filters: object) =>
        (await h.ok('community', 'members', { communityId: c, ...filters }, later)).members.map((m) => m.openid);

      expect(await list({ role: 'moderator' })).toEqual(['o_alice']);
      expect(await list({ role: 'owner' })).toEqual(['o_owner']);
      expect(await list({ tier: '银' })).toEqual(['o_bob']);
      expect(await list({ tier: '铜' })).toEqual(['o_alice', 'o_owner', 'o_new']);
      // Alice is a moderator: staff run the community and are in no segment, however active.
      expect(await list({ segment: 'core' })).toEqual([]);
      expect(await list({ segment: 'new' })).toEqual(['o_new']);
      // Bob last came 03-08: eight days before is at risk. The owner never came, but is no churn.
      expect(await list({ segment: 'at_risk' })).toEqual(['o_bob']);
      expect(await list({ segment: 'lost' })).toEqual([]);
      expect(await list({ segment: 'active' })).toEqual([]);
      // By activity, staff come last (and a page past them still pages).
      expect(await list({ sort: 'active' })).toEqual(['o_bob', 'o_new', 'o_owner', 'o_alice']);
      expect(await list({ sort: 'points' })).toEqual(['o_bob', 'o_alice', 'o_owner', 'o_new']);
      const { members } = await h.ok('community', 'members', { communityId: c, q: 'alice' }, later);
      expect(members[0]).toMatchObject({ openid: 'o_alice', segment: null, lastActiveDay: '2026-03-16', earnedTotal: 175, tier: '铜' });
      // Back to a plain member, she is in the segments again: core, by her two weeks.
      await h.ok('community', 'setRole', { communityId: c, openid: 'o_alice', role: 'member' }, later);
      expect(await list({ segment: 'core' })).toEqual(['o_alice']);
      expect(await list({ sort: 'active' })).toEqual(['o_alice', 'o_bob', 'o_new', 'o_owner']);
      expect(await h.call('community', 'members', { communityId: c, tier: '钻石' }, later)).toMatchObject({
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('铜') },
      });
      expect(await h.call('community', 'members', { communityId: c, segment: 'vip' }, later)).toMatchObject({
        error: { code: 'INVALID_INPUT' },
      });
    });

    it('reads at most so many rows for a rare filter, then hands a cursor to read on', async () => {
      for (let i = 0; i < 8; i++)
        await h.ok('community', 'join', { communityId: c, nickname: `m${i}` }, { openid: `o_m${i}`, now: `2026-03-02T02:0${i}:00Z` });
      const keep = (m: { openid: string }) => m.openid === 'o_m1' || m.openid === 'o_m6';
      const page = (cursor: string | null) =>
        keptPageOf(h.store as AppStore, 'members', { communityId: c }, keep, {
          cursor,
          limit: 5,
          order: 'asc',
          fields: ['openid'],
          maxRead: 4,
        });
      const seen: string[] = [];
      let cursor: string | null = null;
      let requests = 0;
      do {
        const next = await page(cursor);
        seen.push(...next.rows.map((r) => r.openid));
        cursor = next.nextCursor;
        requests++;
      } while (cursor);
      expect(seen).toEqual(['o_m1', 'o_m6']);
      expect(requests).toBe(3); // 11 members, 4 read per request
    });
  });
});
