import { communityWithMembers, eachStore, sqliteHarness, type Harness } from '../testing/harness';
import { MemoryWxDatabase } from '../store/testing/memoryWxDatabase';
import { WxCloudStore } from '../store/wxcloud/wxcloudStore';

let h: Harness;
let c: string;
eachStore((open) => {
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
  });

  const day = (d: number, time = '02:00:00') => `2026-03-${String(d).padStart(2, '0')}T${time}Z`;

  describe('community', () => {
    it('makes the creator owner, tells outsiders their role is null, and joining twice is a no-op', async () => {
      expect((await h.ok('community', 'get', { communityId: c }, { openid: 'o_owner' })).role).toBe('owner');
      const outsider = await h.ok('community', 'get', { communityId: c }, { openid: 'o_stranger' });
      expect(outsider).toMatchObject({ role: null, community: { id: c, name: '宝妈成长营', timezone: 'Asia/Shanghai' } });
      expect(outsider.community.rules.checkin).toEqual({ points: 5, streakDays: 7, streakBonus: 50 });
      const again = await h.ok('community', 'join', { communityId: c, nickname: 'someone else' });
      expect(again.member).toMatchObject({ openid: 'o_alice', nickname: 'alice', role: 'member' });
    });

    it('gives the same community for a replayed create with a requestId', async () => {
      const a = await h.ok('community', 'create', { name: '读书会', requestId: 'create-0001' }, { openid: 'o_bob' });
      const b = await h.ok('community', 'create', { name: '读书会', requestId: 'create-0001' }, { openid: 'o_bob' });
      expect(a.community.id).toBe(b.community.id);
    });

    it('lets only the owner change rules and roles; moderators may list members', async () => {
      expect(
        (await h.call('community', 'updateRules', { communityId: c, rules: { checkin: { points: 3 } } }, { openid: 'o_alice' })).ok,
      ).toBe(false);
      expect(
        await h.call('community', 'setRole', { communityId: c, openid: 'o_bob', role: 'moderator' }, { openid: 'o_alice' }),
      ).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(await h.call('community', 'members', { communityId: c }, { openid: 'o_bob' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
      await h.ok('community', 'setRole', { communityId: c, openid: 'o_bob', role: 'moderator' }, { openid: 'o_owner' });
      const page = await h.ok('community', 'members', { communityId: c, limit: 2 }, { openid: 'o_bob' });
      expect(page.members.map((m: any) => m.openid)).toEqual(['o_owner', 'o_alice']);
      const rest = await h.ok('community', 'members', { communityId: c, limit: 2, cursor: page.nextCursor }, { openid: 'o_bob' });
      expect(rest).toMatchObject({ members: [{ openid: 'o_bob', role: 'moderator' }], nextCursor: null });
      expect(
        await h.call('community', 'setRole', { communityId: c, openid: 'o_owner', role: 'member' }, { openid: 'o_owner' }),
      ).toMatchObject({ error: { code: 'FORBIDDEN' } });
    });

    it('finds members by any part of a nickname, those named exactly that first, page by page, and a member by openid first', async () => {
      for (const [openid, nickname] of [
        ['o_m1', '小美'],
        ['o_m2', '小美妈妈'],
        ['o_m3', '爱小美'],
        ['o_m4', '小美'],
      ]) {
        await h.ok('community', 'join', { communityId: c, nickname }, { openid });
      }
      const search = (q: string, extra: object = {}) =>
        h.ok('community', 'members', { communityId: c, q, ...extra }, { openid: 'o_owner' });
      // The two named 小美 first (openid order), then the names that hold it, in joining order.
      expect((await search('小美')).members.map((m) => m.openid)).toEqual(['o_m1', 'o_m4', 'o_m2', 'o_m3']);
      const first = await search('小美', { limit: 1 });
      expect(first.members.map((m) => m.openid)).toEqual(['o_m1', 'o_m4', 'o_m2']);
      const second = await search('小美', { limit: 1, cursor: first.nextCursor });
      expect(second).toMatchObject({ members: [{ openid: 'o_m3', nickname: '爱小美' }], nextCursor: null });
      expect((await search('小美妈')).members.map((m) => m.openid)).toEqual(['o_m2']);
      expect((await search('o_m3')).members).toMatchObject([{ openid: 'o_m3', nickname: '爱小美' }]);
      expect(await search('无此人')).toEqual({ members: [], nextCursor: null });
      // An empty search box lists everyone; a search is for staff only.
      expect((await search('  ')).members).toHaveLength(7);
      expect(await h.call('community', 'members', { communityId: c, q: '小美' }, { openid: 'o_m1' })).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(await h.call('community', 'members', { communityId: c, q: 'x'.repeat(33) }, { openid: 'o_owner' })).toMatchObject({
        error: { code: 'INVALID_INPUT' },
      });
    });

    it('deep-merges and validates rules, and never touches points already granted', async () => {
      await h.ok('checkin', 'checkin', { communityId: c }, { now: day(3) });
      const { rules } = await h.ok(
        'community',
        'updateRules',
        { communityId: c, rules: { checkin: { points: 2 }, expiry: { days: 30 } } },
        { openid: 'o_owner' },
      );
      expect(rules.checkin).toEqual({ points: 2, streakDays: 7, streakBonus: 50 });
      const bad = await h.call('community', 'updateRules', { communityId: c, rules: { post: { minPoints: 500 } } }, { openid: 'o_owner' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect((await h.ok('community', 'get', { communityId: c })).community.rules.post.minPoints).toBe(50);
      // Bounds from core/limits, in the words the rules form uses: nothing of a refused patch is kept.
      for (const [rules, words] of [
        [{ purchase: { pointsPerYuan: 0.015 }, checkin: { points: 9 } }, '最多两位小数'],
        [
          {
            tiers: [
              { name: '铜', minPoints: 0 },
              { name: '银', minPoints: 1_000_001 },
            ],
          },
          '门槛最多 1000000 分',
        ],
      ] as const) {
        const refused = await h.call('community', 'updateRules', { communityId: c, rules }, { openid: 'o_owner' });
        expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(words) } });
      }
      expect((await h.ok('community', 'get', { communityId: c })).community.rules).toMatchObject({
        checkin: { points: 2 },
        tiers: rules.tiers,
      });
      const me = await h.ok('points', 'me', { communityId: c }, { now: day(4) });
      expect(me.balance).toBe(5);
      // The lot earned under the 365-day rule keeps its expiry; nothing is due after 30 days.
      const run = await h.ok('jobs', 'expirePoints', {}, { openid: null, source: 'wx_trigger', now: '2026-04-20T00:00:00Z' });
      expect(run).toEqual({ expiredPoints: 0, members: 0, more: false, warned: 0 });
    });
  });

  describe('check-in', () => {
    it('pays once a day, builds a streak, and pays the bonus on day 7', async () => {
      const results = [];
      for (let d = 1; d <= 7; d++) results.push(await h.ok('checkin', 'checkin', { communityId: c }, { now: day(d) }));
      expect(results.map((r) => r.streak)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(results[6]).toEqual({ awarded: 5, bonus: 50, streak: 7, balance: 85 });
      expect(await h.call('checkin', 'checkin', { communityId: c }, { now: day(7, '15:00:00') })).toMatchObject({
        error: { code: 'ALREADY_DONE' },
      });
      const me = await h.ok('points', 'me', { communityId: c }, { now: day(7, '15:00:00') });
      expect(me).toMatchObject({
        balance: 85,
        earnedTotal: 85,
        streak: 7,
        checkedInToday: true,
        tier: { name: '铜', nextName: '银', nextMinPoints: 500 },
        nextBonusIn: 7,
      });
    });

    it('restarts the streak after a missed day', async () => {
      await h.ok('checkin', 'checkin', { communityId: c }, { now: day(1) });
      await h.ok('checkin', 'checkin', { communityId: c }, { now: day(2) });
      expect((await h.ok('points', 'me', { communityId: c }, { now: day(4) })).streak).toBe(0);
      expect((await h.ok('checkin', 'checkin', { communityId: c }, { now: day(4) })).streak).toBe(1);
    });

    it('uses the community day: 15:59:59Z and 16:00:01Z are different days in Shanghai', async () => {
      await h.ok('checkin', 'checkin', { communityId: c }, { now: '2026-03-02T15:59:59Z' });
      const next = await h.ok('checkin', 'checkin', { communityId: c }, { now: '2026-03-02T16:00:01Z' });
      expect(next.streak).toBe(2);
      const cal = await h.ok('checkin', 'calendar', { communityId: c, month: '2026-03' }, { now: '2026-03-02T16:00:01Z' });
      expect(cal).toEqual({
        days: ['2026-03-02', '2026-03-03'],
        streak: 2,
        madeUp: [],
        makeUp: { cost: 20, withinDays: 7, leftThisMonth: 2 },
      });
    });

    it('credits a day once even when the clock jumps back to it', async () => {
      await h.ok('checkin', 'checkin', { communityId: c }, { now: day(3) });
      await h.ok('checkin', 'checkin', { communityId: c }, { now: day(9) });
      expect(await h.call('checkin', 'checkin', { communityId: c }, { now: day(3, '10:00:00') })).toMatchObject({
        error: { code: 'ALREADY_DONE' },
      });
      const me = await h.ok('points', 'me', { communityId: c }, { now: day(9) });
      const { entries } = await h.ok('points', 'ledger', { communityId: c });
      expect(me.balance).toBe(entries.reduce((sum: number, e: { delta: number }) => sum + e.delta, 0));
      expect(me.balance).toBe(10);
    });

    it('credits 20 concurrent check-ins once', async () => {
      const all = await Promise.all(Array.from({ length: 20 }, () => h.call('checkin', 'checkin', { communityId: c }, { now: day(5) })));
      expect(all.filter((e) => e.ok)).toHaveLength(1);
      expect(all.filter((e) => !e.ok).every((e: any) => e.error.code === 'ALREADY_DONE')).toBe(true);
      expect((await h.ok('points', 'ledger', { communityId: c })).entries).toHaveLength(1);
    });

    it('refuses outsiders', async () => {
      expect(await h.call('checkin', 'checkin', { communityId: c }, { openid: 'o_stranger' })).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(await h.call('points', 'me', { communityId: c }, { openid: 'o_stranger' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(await h.call('checkin', 'checkin', { communityId: 'nope' })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    });
  });

  describe('points', () => {
    const adjust = (delta: number, requestId = 'req-00000001', openid = 'o_owner', target = 'o_alice') =>
      h.call('points', 'adjust', { communityId: c, openid: target, delta, reason: '活动奖励', requestId }, { openid });

    it('adjusts once per requestId, refuses a changed replay, self-adjustment and going below zero', async () => {
      const first = await adjust(600);
      expect(first).toMatchObject({ ok: true, data: { entry: { delta: 600, kind: 'adjust', balanceAfter: 600 } } });
      expect(await adjust(600)).toEqual(first);
      expect(await adjust(601)).toMatchObject({ error: { code: 'IDEMPOTENCY_MISMATCH' } });
      expect(await adjust(5, 'req-self-0001', 'o_owner', 'o_owner')).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(await adjust(-601, 'req-00000002')).toMatchObject({ error: { code: 'INSUFFICIENT_POINTS' } });
      expect(await adjust(5, 'req-00000003', 'o_bob')).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const me = await h.ok('points', 'me', { communityId: c });
      expect(me).toMatchObject({ balance: 600, earnedTotal: 600, tier: { name: '银', nextName: '金' } });
      await adjust(-100, 'req-00000004');
      expect(await h.ok('points', 'me', { communityId: c })).toMatchObject({ balance: 500, earnedTotal: 600, tier: { name: '银' } });
    });

    it('pages the ledger newest first', async () => {
      for (let d = 1; d <= 5; d++) await h.ok('checkin', 'checkin', { communityId: c }, { now: day(d) });
      const first = await h.ok('points', 'ledger', { communityId: c, limit: 2 });
      expect(first.entries.map((e: any) => e.balanceAfter)).toEqual([25, 20]);
      const second = await h.ok('points', 'ledger', { communityId: c, limit: 2, cursor: first.nextCursor });
      expect(second.entries.map((e: any) => e.balanceAfter)).toEqual([15, 10]);
      const last = await h.ok('points', 'ledger', { communityId: c, limit: 2, cursor: second.nextCursor });
      expect(last).toMatchObject({ entries: [{ balanceAfter: 5, kind: 'earn', reason: '每日签到' }], nextCursor: null });
    });

    it('ranks by points earned in the period', async () => {
      await h.ok('checkin', 'checkin', { communityId: c }, { now: day(2) });
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_bob', delta: 30, reason: '活动', requestId: 'req-bob-0001' },
        { openid: 'o_owner', now: day(3) },
      );
      const week = await h.ok('points', 'leaderboard', { communityId: c, period: 'week' }, { now: day(3) });
      expect(week.rows).toEqual([
        { openid: 'o_bob', nickname: 'bob', avatar: null, points: 30, rank: 1, worn: { title: null, frame: null } },
        { openid: 'o_alice', nickname: 'alice', avatar: null, points: 5, rank: 2, worn: { title: null, frame: null } },
      ]);
      expect(week.me).toEqual({ rank: 2, points: 5 });
      expect((await h.ok('points', 'leaderboard', { communityId: c, period: 'week' }, { now: day(10) })).rows).toEqual([]);
      expect((await h.ok('points', 'leaderboard', { communityId: c, period: 'all' }, { now: day(10) })).rows).toHaveLength(2);
    });
  });

  describe('expiry job', () => {
    it('expires due points once, oldest first, warns ahead, and only for the timer', async () => {
      await h.ok('community', 'updateRules', { communityId: c, rules: { expiry: { days: 10 } } }, { openid: 'o_owner' });
      await h.ok('checkin', 'checkin', { communityId: c }, { now: day(1) });
      await h.ok('checkin', 'checkin', { communityId: c }, { now: day(5) });
      const warned = await h.ok('points', 'me', { communityId: c }, { now: day(6) });
      expect(warned.expiring).toEqual({ points: 5, at: '2026-03-10T16:00:00.000Z' });

      expect(await h.call('jobs', 'expirePoints', {}, { openid: 'o_owner' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const trigger = { openid: null, source: 'wx_trigger', now: '2026-03-11T00:00:00Z' };
      const [a, b] = await Promise.all([h.ok('jobs', 'expirePoints', {}, trigger), h.ok('jobs', 'expirePoints', {}, trigger)]);
      expect(a.expiredPoints + b.expiredPoints).toBe(5);
      // The next batch (day 5's, expiring on 03-15) is within 7 days: told once, however the runs race.
      expect(a.warned + b.warned).toBe(1);
      expect(await h.ok('jobs', 'expirePoints', {}, trigger)).toEqual({ expiredPoints: 0, members: 0, more: false, warned: 0 });
      const me = await h.ok('points', 'me', { communityId: c }, { now: '2026-03-11T00:00:00Z' });
      expect(me).toMatchObject({ balance: 5, earnedTotal: 10 });
      const { entries } = await h.ok('points', 'ledger', { communityId: c });
      expect(entries[0]).toMatchObject({ kind: 'expire', delta: -5, balanceAfter: 5, reason: '积分到期' });
    });

    it('tells a member 7 days ahead that points will expire, once per batch, in the app and by subscription message', async () => {
      await h.ok('community', 'updateRules', { communityId: c, rules: { expiry: { days: 10 } } }, { openid: 'o_owner' });
      await h.ok('checkin', 'checkin', { communityId: c }, { now: day(1) });
      const run = (now: string) => h.ok('jobs', 'expirePoints', {}, { openid: null, source: 'wx_trigger', now });
      const warnings = async () =>
        (await h.ok('notices', 'list', { communityId: c }, { now: day(20) })).notices.filter((n) => n.kind === 'expiry_soon');
      // Day 1's points expire at the start of 03-11 in Shanghai (03-10T16:00Z): told from 03-03T16:00Z.
      expect((await run('2026-03-03T15:59:00Z')).warned).toBe(0);
      expect((await run('2026-03-03T16:00:00Z')).warned).toBe(1);
      expect((await run('2026-03-04T02:00:00Z')).warned).toBe(0);
      expect((await warnings()).map((n) => [n.title, n.points])).toEqual([['5 积分将在 2026-03-10 后过期', 5]]);
      const messages = (h.platform.messages as unknown as { sent: Array<{ openid: string; outcome: string }> }).sent.filter(
        (m) => m.outcome === '即将过期',
      );
      expect(messages).toEqual([expect.objectContaining({ openid: 'o_alice', points: 5 })]);
      // Spending part of the batch does not tell it again; the next batch is told in its turn.
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_alice', delta: -2, reason: '抵扣', requestId: 'spend-part-01' },
        { openid: 'o_owner', now: day(5) },
      );
      expect((await run('2026-03-05T03:00:00Z')).warned).toBe(0);
      await h.ok('checkin', 'checkin', { communityId: c }, { now: day(6) });
      expect(await run('2026-03-11T00:00:00Z')).toMatchObject({ expiredPoints: 3, warned: 1 });
      expect((await warnings()).map((n) => n.title)).toEqual(['5 积分将在 2026-03-15 后过期', '5 积分将在 2026-03-10 后过期']);
    });
  });

  describe('clocks that disagree (two cloud instances, a clock stepping back)', () => {
    const adjustAt = (delta: number, requestId: string, now: string) =>
      h.ok('points', 'adjust', { communityId: c, openid: 'o_alice', delta, reason: '活动奖励', requestId }, { openid: 'o_owner', now });
    const ledgerSum = async () =>
      (await h.ok('points', 'ledger', { communityId: c, limit: 100 })).entries.reduce((sum: number, e: any) => sum + e.delta, 0);

    it('refuses a check-in for a day before the last one, and me agrees with it', async () => {
      await h.ok('checkin', 'checkin', { communityId: c }, { now: '2026-03-02T16:00:00.000Z' });
      expect(await h.call('checkin', 'checkin', { communityId: c }, { now: '2026-03-02T15:59:59.999Z' })).toMatchObject({
        ok: false,
        error: { code: 'ALREADY_DONE' },
      });
      for (const now of ['2026-03-02T15:59:59.999Z', '2026-03-02T16:00:00.000Z']) {
        expect(await h.ok('points', 'me', { communityId: c }, { now })).toMatchObject({ balance: 5, streak: 1, checkedInToday: true });
      }
      expect((await h.ok('checkin', 'checkin', { communityId: c }, { now: '2026-03-03T16:00:00.000Z' })).streak).toBe(2);
    });

    it('lists entries in commit order even when a later one carries an earlier time', async () => {
      await adjustAt(10, 'skew-0001', day(5));
      await adjustAt(20, 'skew-0002', day(4));
      await adjustAt(30, 'skew-0003', day(4));
      const { entries } = await h.ok('points', 'ledger', { communityId: c });
      expect(entries.map((e: any) => [e.delta, e.balanceAfter, e.seq])).toEqual([
        [30, 60, 3],
        [20, 30, 2],
        [10, 10, 1],
      ]);
    });

    it('never overwrites an expiry entry when lots of the same instant expire in two runs', async () => {
      await h.ok('community', 'updateRules', { communityId: c, rules: { expiry: { days: 10 } } }, { openid: 'o_owner' });
      const trigger = { openid: null, source: 'wx_trigger', now: '2026-03-11T00:00:00Z' };
      await h.ok('checkin', 'checkin', { communityId: c }, { now: day(1) });
      expect(await h.ok('jobs', 'expirePoints', {}, trigger)).toMatchObject({ expiredPoints: 5, members: 1, more: false });
      await adjustAt(100, 'late-0001', day(1)); // a clock behind: its lot expires at the same instant
      expect(await h.ok('jobs', 'expirePoints', {}, trigger)).toMatchObject({ expiredPoints: 100, members: 1, more: false });
      expect(await h.ok('points', 'me', { communityId: c }, { now: trigger.now })).toMatchObject({ balance: 0 });
      expect(await ledgerSum()).toBe(0);
    });
  });

  describe('one user action is one transaction (wxcloud adapter)', () => {
    it('checks in (≤ 5) and redeems (≤ 6) with one transaction of few document operations; the same rules hold', async () => {
      const db = new MemoryWxDatabase();
      const wx = sqliteHarness(new WxCloudStore(db));
      const id = await communityWithMembers(wx);
      await wx.ok('community', 'updateRules', { communityId: id, rules: { checkin: { streakDays: 1 } } }, { openid: 'o_owner' });
      db.resetCounts();
      const result = await wx.ok('checkin', 'checkin', { communityId: id }, { now: day(3) });
      expect(result).toMatchObject({ awarded: 5, bonus: 50, balance: 55 });
      expect(db.counts.transactions).toBe(1);
      expect(db.counts.txReads + db.counts.txWrites).toBeLessThanOrEqual(5);
      expect(db.counts.reads + db.counts.writes).toBeLessThanOrEqual(6); // + the community's rules, read before
      const { item } = await wx.ok(
        'mall',
        'upsertItem',
        { communityId: id, item: { name: '券', kind: 'service', pointsPrice: 10, stock: 5 } },
        { openid: 'o_owner' },
      );
      db.resetCounts();
      expect((await wx.call('mall', 'redeem', { communityId: id, itemId: item.id, requestId: 'wx-redeem-1' }, { now: day(3) })).ok).toBe(
        true,
      );
      expect(db.counts.transactions).toBe(1);
      expect(db.counts.txReads + db.counts.txWrites).toBeLessThanOrEqual(6);
      const racing = await Promise.all(
        Array.from({ length: 5 }, () => wx.call('checkin', 'checkin', { communityId: id }, { now: day(4) })),
      );
      expect(racing.filter((e) => e.ok)).toHaveLength(1);
      expect((await wx.ok('points', 'me', { communityId: id }, { now: day(4) })).balance).toBe(100);
    });
  });
});
