import type { Store, Transaction } from '../../store/port';
import { counting } from '../../store/testing/counting';
import { communityWithMembers, eachStore, openStore, sqliteHarness, type Harness } from '../../testing/harness';

/** June 2026 in Shanghai: day n at 10:00 local. */
const day = (n: number, time = '02:00:00') => `2026-06-${String(n).padStart(2, '0')}T${time}Z`;

let h: Harness;
let c: string;

const window = (from = day(1, '00:00:00'), to = '2026-07-01T00:00:00+08:00') => ({ startsAt: from, endsAt: to });

eachStore((open) => {
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h, '2026-05-01T02:00:00Z');
  });

  const checkIn = (openid = 'o_alice', now = day(2)) => h.call('checkin', 'checkin', { communityId: c }, { openid, now });
  const upsert = (campaign: Record<string, unknown>, openid = 'o_owner', now = day(1)) =>
    h.call('campaigns', 'upsert', { communityId: c, campaign }, { openid, now });
  const me = (openid = 'o_alice', now = day(2)) => h.ok('points', 'me', { communityId: c }, { openid, now });
  const ledger = async (openid = 'o_alice', now = day(30)) =>
    (await h.ok('points', 'ledger', { communityId: c, limit: 100 }, { openid, now })).entries;
  const rules = (patch: Record<string, unknown>) =>
    h.ok('community', 'updateRules', { communityId: c, rules: patch }, { openid: 'o_owner', now: day(1) });
  const notices = async (openid = 'o_alice') =>
    (await h.ok('notices', 'list', { communityId: c, limit: 100 }, { openid, now: day(30) })).notices;
  const STORIES = [
    '周末带娃去公园野餐，提前准备了切好的水果和小饭团，孩子玩得特别开心',
    '分享一个哄睡小妙招：睡前半小时关掉屏幕，讲两个绘本故事，宝宝很快就睡着了',
    '辅食添加心得：从单一米粉开始，每次只加一种新食材，观察三天有没有过敏',
  ];
  let written = 0;
  const writePost = async (openid: string, now: string) =>
    (await h.ok('posts', 'create', { communityId: c, body: STORIES[written++ % STORIES.length] }, { openid, now })).post.id as string;
  const approve = (postId: string, now: string) =>
    h.call('posts', 'review', { communityId: c, postId, decision: 'approve', points: 50 }, { openid: 'o_owner', now });

  describe('campaigns', () => {
    it('are the owner’s to start and end; members see what is on and coming, staff see all', async () => {
      await h.ok('community', 'setRole', { communityId: c, openid: 'o_bob', role: 'moderator' }, { openid: 'o_owner', now: day(1) });
      const double = { kind: 'multiplier', name: '双倍积分周', actions: ['checkin'], multiplier: 2, ...window() };
      expect(await upsert(double, 'o_bob')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await upsert(double, 'o_alice')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const active = await upsert(double);
      expect(active).toMatchObject({
        ok: true,
        data: { campaign: { kind: 'multiplier', status: 'active', multiplier: 2, monthDay: null } },
      });
      const upcoming = await h.ok(
        'campaigns',
        'upsert',
        {
          communityId: c,
          campaign: { kind: 'challenge', name: '签到挑战', metric: 'checkins', target: 5, bonusPoints: 100, ...window(day(10), day(20)) },
        },
        { openid: 'o_owner', now: day(1, '03:00:00') },
      );
      expect(upcoming.campaign.status).toBe('upcoming');
      const id = active.ok ? active.data.campaign.id : '';
      // Ending is the owner's too: staff and members are refused, and it goes on.
      for (const openid of ['o_bob', 'o_alice'])
        expect(await h.call('campaigns', 'end', { communityId: c, campaignId: id }, { openid, now: day(3) })).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });
      await h.ok('campaigns', 'end', { communityId: c, campaignId: id }, { openid: 'o_owner', now: day(3) });
      expect(
        (await h.ok('campaigns', 'list', { communityId: c }, { openid: 'o_alice', now: day(3) })).campaigns.map((x) => x.name),
      ).toEqual(['签到挑战']);
      expect(
        (await h.ok('campaigns', 'list', { communityId: c }, { openid: 'o_bob', now: day(3) })).campaigns.map((x) => [x.name, x.status]),
      ).toEqual([
        ['签到挑战', 'upcoming'],
        ['双倍积分周', 'ended'],
      ]);
      // History is kept as it was.
      expect(await upsert({ ...double, id, name: '改名' }, 'o_owner', day(4))).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: '活动已结束，不能再修改' },
      });
      expect(await upsert({ ...double, id: upcoming.campaign.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const audit = (await h.ok('community', 'audit', { communityId: c }, { openid: 'o_owner', now: day(4) })).events.map((e) => e.action);
      expect(audit.filter((a) => a.startsWith('campaigns.'))).toEqual(['campaigns.end', 'campaigns.upsert', 'campaigns.upsert']);
    });

    it('refuses junk in plain Chinese and changes nothing', async () => {
      const junk: Array<[Record<string, unknown>, RegExp]> = [
        [{ kind: 'multiplier', name: '双倍', actions: ['checkin'], multiplier: 6, ...window() }, /倍数最多 5 倍/],
        [{ kind: 'multiplier', name: '双倍', actions: ['referral'], multiplier: 2, ...window() }, /只能翻倍/],
        [{ kind: 'multiplier', name: '会员日', actions: ['checkin'], multiplier: 2, monthDay: 31, ...window() }, /会员日最多 28 日/],
        [{ kind: 'challenge', name: '挑战', metric: 'likes', target: 5, bonusPoints: 10, ...window() }, /挑战目标/],
        [{ kind: 'winback', name: '回归', bonusPoints: 10, startsAt: day(5), endsAt: day(4) }, /结束时间须晚于开始时间/],
        [{ kind: 'lottery', name: '抽奖', ...window() }, /活动类型/],
        [{ kind: 'winback', name: '回归', bonusPoints: 10, startsAt: 'tomorrow', endsAt: day(9) }, /开始时间格式不对/],
      ];
      for (const [campaign, message] of junk) {
        const result = await upsert(campaign);
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        expect(!result.ok && result.error.message).toMatch(message);
      }
      expect(
        await upsert({ kind: 'winback', name: '回归', bonusPoints: 10, startsAt: day(1), endsAt: day(1, '03:00:00') }, 'o_owner', day(2)),
      ).toMatchObject({ ok: false, error: { message: '结束时间已经过去了' } });
      expect((await h.ok('campaigns', 'list', { communityId: c }, { openid: 'o_owner', now: day(2) })).campaigns).toEqual([]);
    });

    it('runs at most ten at once', async () => {
      for (let i = 0; i < 10; i++)
        await h.ok(
          'campaigns',
          'upsert',
          { communityId: c, campaign: { kind: 'winback', name: `回归${i}`, bonusPoints: 10, ...window() } },
          { openid: 'o_owner', now: day(1) },
        );
      expect(await upsert({ kind: 'winback', name: '第十一个', bonusPoints: 10, ...window() })).toMatchObject({
        ok: false,
        error: { code: 'LIMIT_REACHED' },
      });
    });
  });

  describe('multipliers', () => {
    it('double points multiply a check-in once however the taps race; the entry says why', async () => {
      const { campaign } = await h.ok(
        'campaigns',
        'upsert',
        { communityId: c, campaign: { kind: 'multiplier', name: '双倍', actions: ['checkin', 'post'], multiplier: 2, ...window() } },
        { openid: 'o_owner', now: day(1) },
      );
      const taps = await Promise.all(Array.from({ length: 8 }, () => checkIn()));
      expect(taps.filter((t) => t.ok)).toHaveLength(1);
      expect(taps.filter((t) => !t.ok).map((t) => !t.ok && t.error.code)).toEqual(Array(7).fill('ALREADY_DONE'));
      const won = taps.find((t) => t.ok);
      expect(won?.ok && won.data).toMatchObject({ awarded: 10, multiplier: 2, balance: 10 });
      const [entry] = await ledger();
      expect(entry).toMatchObject({ delta: 10, detail: { base: 5, multiplier: 2, campaignId: campaign.id } });
      // Adjustments are never multiplied.
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_alice', delta: 7, reason: '活动奖励', requestId: 'adjust-0001' },
        { openid: 'o_owner', now: day(2) },
      );
      expect((await me()).balance).toBe(17);
    });

    it('会员日 multiplies only on its day of the month, by the community clock (16:00Z)', async () => {
      await h.ok(
        'campaigns',
        'upsert',
        { communityId: c, campaign: { kind: 'multiplier', name: '会员日', actions: ['checkin'], multiplier: 3, monthDay: 8, ...window() } },
        { openid: 'o_owner', now: day(1) },
      );
      expect(await checkIn('o_alice', '2026-06-07T15:59:59Z')).toMatchObject({ ok: true, data: { awarded: 5 } });
      expect(await checkIn('o_alice', '2026-06-07T16:00:00Z')).toMatchObject({ ok: true, data: { awarded: 15, multiplier: 3 } });
      expect(await checkIn('o_alice', '2026-06-08T16:00:00Z')).toMatchObject({ ok: true, data: { awarded: 5 } });
    });

    it('a tier multiplier and the best campaign multiply together, floored; daily caps still count actions', async () => {
      await rules({
        tiers: [
          { name: '铜', minPoints: 0 },
          { name: '银', minPoints: 1, multiplier: 1.5 },
        ],
        like: { points: 3, dailyCap: 1 },
      });
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_bob', delta: 10, reason: '升级', requestId: 'adjust-bob-01' },
        { openid: 'o_owner', now: day(1) },
      );
      await h.ok(
        'campaigns',
        'upsert',
        { communityId: c, campaign: { kind: 'multiplier', name: '点赞翻倍', actions: ['like'], multiplier: 1.5, ...window() } },
        { openid: 'o_owner', now: day(1) },
      );
      const posts = [await writePost('o_alice', day(2)), await writePost('o_alice', day(2, '03:00:00'))];
      for (const post of posts) await approve(post, day(2, '04:00:00'));
      const likes = [];
      for (const postId of posts)
        likes.push(await h.ok('posts', 'like', { communityId: c, postId }, { openid: 'o_bob', now: day(2, '05:00:00') }));
      // floor(3 × 1.5 × 1.5) = floor(6.75) = 6, and the second like is past the cap of one.
      expect(likes.map((l) => [l.awarded, Boolean(l.capped)])).toEqual([
        [6, false],
        [0, true],
      ]);
    });
  });

  describe('challenges and win-backs', () => {
    it('a challenge reached by two actions at once pays once, in the action that reached it', async () => {
      const { campaign } = await h.ok(
        'campaigns',
        'upsert',
        { communityId: c, campaign: { kind: 'challenge', name: '百分挑战', metric: 'points', target: 100, bonusPoints: 30, ...window() } },
        { openid: 'o_owner', now: day(1) },
      );
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_alice', delta: 500, reason: '不算挑战', requestId: 'adjust-0001' },
        { openid: 'o_owner', now: day(1) },
      );
      const first = await writePost('o_alice', day(2));
      await approve(first, day(2, '03:00:00'));
      const second = await writePost('o_alice', day(3));
      // 50 so far; the check-in (5) and the approval (50) race, and the one that commits second reaches 100.
      const [checkin, review] = await Promise.all([checkIn('o_alice', day(3, '04:00:00')), approve(second, day(3, '04:00:00'))]);
      expect(checkin.ok && review.ok).toBe(true);
      const progress = await h.ok('campaigns', 'progress', { communityId: c }, { openid: 'o_alice', now: day(3, '05:00:00') });
      expect(progress.challenges).toEqual([
        expect.objectContaining({ id: campaign.id, current: 100, target: 100, done: true, metric: 'points' }),
      ]);
      const bonuses = (await ledger()).filter((e) => e.refId === campaign.id);
      expect(bonuses.map((e) => e.delta)).toEqual([30]);
      expect((await notices()).filter((n) => n.kind === 'achievement' && n.title === '完成挑战「百分挑战」')).toHaveLength(1);
      // Reached is done: more points pay nothing more.
      await checkIn('o_alice', day(4));
      expect((await ledger()).filter((e) => e.refId === campaign.id)).toHaveLength(1);
    });

    it('welcomes back a member away 14 days once per campaign, and reports it', async () => {
      await checkIn('o_alice', day(1));
      await checkIn('o_bob', day(10));
      const { campaign } = await h.ok(
        'campaigns',
        'upsert',
        { communityId: c, campaign: { kind: 'winback', name: '回归礼', bonusPoints: 40, ...window() } },
        { openid: 'o_owner', now: day(11) },
      );
      const back = await Promise.all([checkIn('o_alice', day(15)), checkIn('o_alice', day(15))]);
      expect(back.filter((r) => r.ok).map((r) => r.ok && r.data.extras)).toEqual([[{ reason: '回归礼：回归礼', points: 40 }]]);
      expect((await checkIn('o_bob', day(15))).ok && (await ledger('o_bob')).some((e) => e.refId === campaign.id)).toBe(false);
      expect(await h.ok('campaigns', 'report', { communityId: c, campaignId: campaign.id }, { openid: 'o_owner', now: day(16) })).toEqual({
        returned: 1,
        pointsAwarded: 40,
      });
      expect(
        await h.call('campaigns', 'report', { communityId: c, campaignId: campaign.id }, { openid: 'o_alice', now: day(16) }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // Away again, it does not pay twice.
      await checkIn('o_alice', day(30));
      expect((await ledger()).filter((e) => e.refId === campaign.id)).toHaveLength(1);
    });
  });

  describe('badges, tasks and the birthday', () => {
    it('the first check-in pays its task and earns its badge once, with one notice', async () => {
      await rules({ tasks: { firstCheckin: 10, profile: 10 } });
      const taps = await Promise.all(Array.from({ length: 4 }, () => checkIn()));
      const won = taps.find((t) => t.ok);
      expect(won?.ok && won.data).toMatchObject({ awarded: 5, balance: 15, extras: [{ reason: '新手任务：完成第一次签到', points: 10 }] });
      const badges = (await h.ok('points', 'badges', { communityId: c }, { openid: 'o_alice', now: day(2) })).badges;
      expect(badges.find((b) => b.key === 'first_checkin')?.earnedAt).toBe(new Date(day(2)).toISOString());
      expect(badges.find((b) => b.key === 'streak_7')).toMatchObject({ earnedAt: null, progress: { current: 1, target: 7 } });
      // Anyone's badges, for a profile.
      expect((await h.ok('points', 'badges', { communityId: c, openid: 'o_alice' }, { openid: 'o_bob', now: day(2) })).badges).toEqual(
        badges,
      );
      const tasks = (await h.ok('points', 'tasks', { communityId: c }, { openid: 'o_alice', now: day(2) })).tasks;
      expect(tasks.map((t) => [t.key, t.points, t.done])).toEqual([
        ['profile', 10, false],
        ['firstCheckin', 10, true],
        ['firstPost', 0, false],
        ['firstAnswer', 0, false],
        ['firstInvite', 0, false],
      ]);
      expect((await notices()).filter((n) => n.kind === 'achievement').map((n) => n.body)).toEqual([
        '获得徽章「初来乍到」，完成新手任务「完成第一次签到」，共获得 10 积分',
      ]);
    });

    it('the profile task pays when an avatar and a name of one’s own are set, once', async () => {
      await rules({ tasks: { profile: 10 } });
      const avatar = '/uploads/0123456789abcdef0123456789abcdef.png';
      await h.ok('community', 'updateProfile', { communityId: c, avatar }, { openid: 'o_alice', now: day(2) });
      expect((await me()).balance).toBe(10);
      await h.ok('community', 'updateProfile', { communityId: c, nickname: '小美' }, { openid: 'o_alice', now: day(3) });
      expect((await me()).balance).toBe(10);
      // A default name is not a name of one's own.
      await h.ok('community', 'join', { communityId: c }, { openid: 'o_newbie', now: day(2) });
      await h.ok('community', 'updateProfile', { communityId: c, avatar }, { openid: 'o_newbie', now: day(2) });
      expect((await me('o_newbie')).balance).toBe(0);
    });

    it('a banned member’s approved post earns no badge, task or points', async () => {
      await rules({ tasks: { firstPost: 20 } });
      const post = await writePost('o_alice', day(2));
      await h.ok(
        'community',
        'ban',
        { communityId: c, openid: 'o_alice', banned: true, reason: '刷分' },
        { openid: 'o_owner', now: day(2) },
      );
      await approve(post, day(2, '03:00:00'));
      expect((await me()).balance).toBe(0);
      expect(
        (await h.ok('points', 'badges', { communityId: c }, { openid: 'o_alice', now: day(2) })).badges.every((b) => !b.earnedAt),
      ).toBe(true);
    });

    it('the birthday gift comes with the first check-in of the birthday, once a year, if set 30 days before', async () => {
      await rules({ birthday: { points: 50 } });
      await h.ok('community', 'updateProfile', { communityId: c, birthday: '06-20' }, { openid: 'o_alice', now: '2026-05-20T02:00:00Z' });
      await h.ok('community', 'updateProfile', { communityId: c, birthday: '06-20' }, { openid: 'o_bob', now: '2026-05-22T02:00:00Z' });
      // The birthday starts at 16:00Z the day before, in Shanghai.
      expect((await checkIn('o_alice', '2026-06-19T15:59:59Z')).ok).toBe(true);
      const gift = await checkIn('o_alice', '2026-06-19T16:00:00Z');
      expect(gift.ok && gift.data.extras).toEqual([{ reason: '生日礼', points: 50 }]);
      expect((await checkIn('o_alice', '2026-06-20T16:00:00Z')).ok && (await ledger()).filter((e) => e.reason === '生日礼')).toHaveLength(
        1,
      );
      // Set 29 days ahead: nothing this year, and it cannot be moved.
      const bob = await checkIn('o_bob', '2026-06-19T16:00:00Z');
      expect(bob.ok && bob.data.extras).toBeUndefined();
      expect(
        await h.call('community', 'updateProfile', { communityId: c, birthday: '07-30' }, { openid: 'o_bob', now: day(21) }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // Next year it pays.
      const nextYear = await checkIn('o_bob', '2027-06-20T02:00:00Z');
      expect(nextYear.ok && nextYear.data.extras).toEqual([{ reason: '生日礼', points: 50 }]);
    });
  });

  describe('make-up (补签)', () => {
    it('buys back a missed day: the streak joins across it, the bonus waits for a real check-in', async () => {
      await rules({ checkin: { streakDays: 4, streakBonus: 50 }, makeUp: { cost: 3 } });
      for (const n of [1, 2, 4]) await checkIn('o_alice', day(n));
      expect((await me('o_alice', day(5))).streak).toBe(1);
      const quote = (d: string) => h.ok('checkin', 'makeUpQuote', { communityId: c, day: d }, { openid: 'o_alice', now: day(5) });
      expect(await quote('2026-06-03')).toEqual({ day: '2026-06-03', cost: 3, streak: 4, leftThisMonth: 2, balance: 15, problem: null });
      expect(await quote('2026-06-04')).toMatchObject({ streak: 1, problem: '这一天已经签到过了' });
      const made = await h.ok(
        'checkin',
        'makeUp',
        { communityId: c, day: '2026-06-03', requestId: 'makeup-0001' },
        { openid: 'o_alice', now: day(5) },
      );
      expect(made).toEqual({ day: '2026-06-03', cost: 3, streak: 4, balance: 12 });
      // A replay is the same answer and no second cost.
      expect(
        await h.ok(
          'checkin',
          'makeUp',
          { communityId: c, day: '2026-06-03', requestId: 'makeup-0001' },
          { openid: 'o_alice', now: day(5) },
        ),
      ).toEqual(made);
      expect(
        await h.call(
          'checkin',
          'makeUp',
          { communityId: c, day: '2026-06-04', requestId: 'makeup-0001' },
          { openid: 'o_alice', now: day(5) },
        ),
      ).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH' } });
      const cal = await h.ok('checkin', 'calendar', { communityId: c, month: '2026-06' }, { openid: 'o_alice', now: day(5) });
      expect(cal).toMatchObject({
        days: ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04'],
        madeUp: ['2026-06-03'],
        streak: 4,
        makeUp: { cost: 3, leftThisMonth: 1 },
      });
      // Day 5 is the 5th consecutive: no bonus (4 was made up to, not checked in on).
      expect(await checkIn('o_alice', day(5))).toMatchObject({ ok: true, data: { streak: 5, bonus: 0 } });
      expect((await ledger()).find((e) => e.reason === '补签 2026-06-03')).toMatchObject({ kind: 'spend', delta: -3 });
    });

    it('the day turns at 16:00Z in Shanghai: until then the day is today, after it yesterday and fit to make up', async () => {
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_alice', delta: 100, reason: '补签用', requestId: 'adjust-0001' },
        { openid: 'o_owner', now: day(1) },
      );
      const makeUp = (now: string, id: string) =>
        h.call('checkin', 'makeUp', { communityId: c, day: '2026-06-10', requestId: id }, { openid: 'o_alice', now });
      expect(await makeUp('2026-06-10T15:59:59Z', 'make-edge-1')).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '只能补签今天以前漏掉的日子' },
      });
      expect(await makeUp('2026-06-10T16:00:00Z', 'make-edge-2')).toMatchObject({ ok: true, data: { day: '2026-06-10', streak: 1 } });
    });

    it('refuses today, the future, before joining, beyond withinDays, a checked day, over the monthly allowance and without the points', async () => {
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_alice', delta: 100, reason: '补签用', requestId: 'adjust-0001' },
        { openid: 'o_owner', now: day(1) },
      );
      await checkIn('o_alice', day(9));
      const makeUp = (d: string, id: string, now = day(10)) =>
        h.call('checkin', 'makeUp', { communityId: c, day: d, requestId: id }, { openid: 'o_alice', now });
      expect(await makeUp('2026-06-10', 'make-today')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await makeUp('2026-06-11', 'make-future')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await makeUp('2026-06-02', 'make-old-01')).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '只能补签最近 7 天' },
      });
      expect(await makeUp('2026-06-09', 'make-done-1')).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });
      expect(await makeUp('2026-02-30', 'make-junk-1')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await makeUp('2026-04-30', 'make-early', '2026-05-01T02:00:00Z')).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      const racing = await Promise.all(Array.from({ length: 5 }, (_, i) => makeUp('2026-06-08', `make-race-${i}`)));
      expect(racing.filter((r) => r.ok)).toHaveLength(1);
      expect(racing.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(4).fill('ALREADY_DONE'));
      expect((await makeUp('2026-06-07', 'make-second')).ok).toBe(true);
      expect(await makeUp('2026-06-06', 'make-third')).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
      // A new month, a new allowance; bob has no points for it.
      expect(
        await h.call(
          'checkin',
          'makeUp',
          { communityId: c, day: '2026-06-30', requestId: 'bob-make-01' },
          { openid: 'o_bob', now: '2026-07-01T02:00:00Z' },
        ),
      ).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS' } });
      expect((await me('o_alice', day(10))).balance).toBe(100 + 5 - 40);
    });
  });

  describe('rolling tiers (保级)', () => {
    beforeEach(async () => {
      await rules({
        tierRetention: { mode: 'rolling', windowDays: 30, graceDays: 7 },
        tiers: [
          { name: '铜', minPoints: 0 },
          { name: '银', minPoints: 100 },
          { name: '金', minPoints: 200 },
        ],
      });
    });
    const review = (now: string) => h.ok('jobs', 'reviewTiers', {}, { openid: null, source: 'wx_trigger', now });

    it('upgrades at once, warns when the window falls short, moves down one tier on the day, once', async () => {
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_alice', delta: 250, reason: '活动', requestId: 'adjust-0001' },
        { openid: 'o_owner', now: day(1) },
      );
      expect((await me('o_alice', day(1))).tier).toMatchObject({ name: '金', points: 250, keep: null });
      // The 250 leave the 30-day window on 07-01.
      expect(await review(day(30))).toMatchObject({ reviewed: 0 });
      expect((await me('o_alice', '2026-07-01T02:00:00Z')).tier).toMatchObject({
        name: '金',
        points: 0,
        keep: { minPoints: 200, by: '2026-07-08' },
      });
      expect(await review('2026-07-01T02:00:00Z')).toMatchObject({ reviewed: 1, warned: 1, demoted: 0 });
      expect(await review('2026-07-01T03:00:00Z')).toMatchObject({ reviewed: 0 });
      expect((await notices()).filter((n) => n.kind === 'tier_keep').map((n) => n.title)).toEqual(['保级提醒：「金」']);
      expect(await review('2026-07-08T02:00:00Z')).toMatchObject({ reviewed: 1, demoted: 1 });
      expect((await me('o_alice', '2026-07-08T02:00:00Z')).tier).toMatchObject({ name: '银', keep: { minPoints: 100, by: '2026-07-15' } });
      expect(await review('2026-07-08T03:00:00Z')).toMatchObject({ reviewed: 0 });
      expect((await notices()).filter((n) => n.kind === 'tier_down').map((n) => n.title)).toEqual(['等级调整为「银」']);
      // The member list shows the tier held.
      expect(
        (await h.ok('community', 'member', { communityId: c, openid: 'o_alice' }, { openid: 'o_owner', now: '2026-07-08T03:00:00Z' }))
          .member.tier,
      ).toBe('银');
    });

    it('points earned during the grace period keep the tier', async () => {
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_alice', delta: 250, reason: '活动', requestId: 'adjust-0001' },
        { openid: 'o_owner', now: day(1) },
      );
      await review('2026-07-01T02:00:00Z');
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_alice', delta: 200, reason: '活动', requestId: 'adjust-0002' },
        { openid: 'o_owner', now: '2026-07-03T02:00:00Z' },
      );
      expect((await me('o_alice', '2026-07-03T02:00:00Z')).tier).toMatchObject({ name: '金', keep: null });
      expect(await review('2026-07-08T02:00:00Z')).toMatchObject({ demoted: 0 });
    });

    it('in lifetime mode a tier never goes down', async () => {
      await rules({ tierRetention: { mode: 'lifetime' } });
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_alice', delta: 250, reason: '活动', requestId: 'adjust-0001' },
        { openid: 'o_owner', now: day(1) },
      );
      await review('2027-06-01T02:00:00Z');
      expect((await me('o_alice', '2027-06-01T02:00:00Z')).tier).toMatchObject({ name: '金', keep: null });
    });
  });

  describe('leaderboard', () => {
    it('ranks ties together, leaves staff and hidden members out, and tells me my place', async () => {
      await h.ok('community', 'join', { communityId: c, nickname: 'carol' }, { openid: 'o_carol', now: day(1) });
      for (const openid of ['o_alice', 'o_bob', 'o_carol', 'o_owner']) await checkIn(openid, day(2));
      await h.ok(
        'points',
        'adjust',
        { communityId: c, openid: 'o_carol', delta: 20, reason: '活动', requestId: 'adjust-0001' },
        { openid: 'o_owner', now: day(2) },
      );
      const board = await h.ok('points', 'leaderboard', { communityId: c, period: 'week' }, { openid: 'o_bob', now: day(2) });
      expect(board.rows.map((r) => [r.nickname, r.points, r.rank]).sort()).toEqual([
        ['alice', 5, 2],
        ['bob', 5, 2],
        ['carol', 25, 1],
      ]);
      expect(board.rows[0].nickname).toBe('carol');
      expect(board.me).toEqual({ rank: 2, points: 5 });
      expect((await h.ok('points', 'leaderboard', { communityId: c, period: 'week' }, { openid: 'o_owner', now: day(2) })).me).toBeNull();
      await h.ok('community', 'updateProfile', { communityId: c, hideFromLeaderboard: true }, { openid: 'o_carol', now: day(2) });
      const hidden = await h.ok('points', 'leaderboard', { communityId: c, period: 'week', limit: 1 }, { openid: 'o_carol', now: day(2) });
      expect(hidden.rows.map((r) => r.nickname)).not.toContain('carol');
      expect(hidden.me).toBeNull();
      // My place when I am not on the page shown.
      const page = await h.ok('points', 'leaderboard', { communityId: c, period: 'week', limit: 1 }, { openid: 'o_bob', now: day(2) });
      expect(page.rows).toHaveLength(1);
      expect(page.me).toEqual({ rank: 1, points: 5 });
    });

    it('counts the members ahead of a score once for all who ask within seconds, racing or not, then again', async () => {
      const counted = counting(h.store);
      const board = sqliteHarness(counted.store);
      await h.ok('community', 'join', { communityId: c, nickname: 'carol' }, { openid: 'o_carol', now: day(1) });
      for (const openid of ['o_alice', 'o_bob', 'o_carol']) await checkIn(openid, day(2));
      const at = (seconds: number) => new Date(Date.parse(day(2)) + seconds * 1000).toISOString();
      const give = (openid: string, delta: number, seconds: number) =>
        h.ok(
          'points',
          'adjust',
          { communityId: c, openid, delta, reason: '活动', requestId: `rank-${openid}-${delta}` },
          { openid: 'o_owner', now: at(seconds) },
        );
      const bobsPlace = (seconds: number) =>
        board
          .ok('points', 'leaderboard', { communityId: c, period: 'week', limit: 1 }, { openid: 'o_bob', now: at(seconds) })
          .then((r) => r.me);
      await give('o_alice', 20, 0);
      counted.reset();
      expect(await Promise.all([bobsPlace(1), bobsPlace(1), bobsPlace(2)])).toEqual(Array(3).fill({ rank: 2, points: 5 }));
      // Each request reads the board's page (one query); those ahead of 5 were counted once.
      expect(counted.counts().queries).toBe(3 + 1);
      // Carol passes bob: within ten seconds his place is the one counted, then it is counted again.
      await give('o_carol', 50, 3);
      expect(await bobsPlace(5)).toEqual({ rank: 2, points: 5 });
      expect(await bobsPlace(12)).toEqual({ rank: 3, points: 5 });
    });

    it('社群之星: the top 3 of last month, ties included, once however often the job runs', async () => {
      await h.ok('community', 'join', { communityId: c, nickname: 'carol' }, { openid: 'o_carol', now: day(1) });
      await h.ok('community', 'join', { communityId: c, nickname: 'dan' }, { openid: 'o_dan', now: day(1) });
      const points = { o_alice: 50, o_bob: 40, o_carol: 40, o_dan: 10 } as Record<string, number>;
      for (const [openid, delta] of Object.entries(points)) {
        await h.ok(
          'points',
          'adjust',
          { communityId: c, openid, delta, reason: '月度', requestId: `month-${openid}` },
          { openid: 'o_owner', now: day(10) },
        );
      }
      const award = (now: string) => h.ok('jobs', 'monthlyAwards', {}, { openid: null, source: 'wx_trigger', now });
      expect(await award(day(30))).toMatchObject({ awarded: 0 });
      expect(await award('2026-06-30T16:00:01Z')).toMatchObject({ awarded: 3, more: false });
      expect(await award('2026-07-02T02:00:00Z')).toMatchObject({ awarded: 0 });
      const starOf = async (openid: string) =>
        (await h.ok('points', 'badges', { communityId: c }, { openid, now: '2026-07-02T02:00:00Z' })).badges.find(
          (b) => b.key === 'star_month',
        )?.earnedAt ?? null;
      expect(await Promise.all(['o_alice', 'o_bob', 'o_carol', 'o_dan'].map(starOf))).toEqual([
        expect.any(String),
        expect.any(String),
        expect.any(String),
        null,
      ]);
    });
  });
});

describe('check-in budget', () => {
  /** Counts the document operations inside transactions only: the budget API.md sets. */
  function countingTransactions(store: Store) {
    let ops = 0;
    const counted: Store = {
      ...store,
      get: store.get.bind(store),
      find: store.find.bind(store),
      count: store.count.bind(store),
      transaction: (work) =>
        store.transaction((tx) =>
          work({
            get: (collection, id) => (ops++, tx.get(collection, id)),
            set: (collection, id, data) => (ops++, tx.set(collection, id, data)),
            update: (collection, id, patch) => (ops++, tx.update(collection, id, patch)),
            create: (collection, id, data) => (ops++, tx.create(collection, id, data)),
          } satisfies Transaction),
        ),
    };
    return {
      store: counted,
      take: () => {
        const n = ops;
        ops = 0;
        return n;
      },
    };
  }

  it('stays within 5 document operations plus one per extra entry, with tasks, a badge, a campaign and a challenge on', async () => {
    const counter = countingTransactions(openStore('wxcloud'));
    const take = counter.take;
    const hh = sqliteHarness(counter.store);
    const cc = await communityWithMembers(hh, '2026-05-01T02:00:00Z');
    await hh.ok(
      'community',
      'updateRules',
      { communityId: cc, rules: { tasks: { firstCheckin: 10 } } },
      { openid: 'o_owner', now: day(1) },
    );
    await hh.ok(
      'campaigns',
      'upsert',
      { communityId: cc, campaign: { kind: 'multiplier', name: '双倍', actions: ['checkin'], multiplier: 2, ...window() } },
      { openid: 'o_owner', now: day(1) },
    );
    await hh.ok(
      'campaigns',
      'upsert',
      { communityId: cc, campaign: { kind: 'challenge', name: '一次就好', metric: 'checkins', target: 1, bonusPoints: 5, ...window() } },
      { openid: 'o_owner', now: day(1) },
    );
    take();
    const first = await hh.ok('checkin', 'checkin', { communityId: cc }, { openid: 'o_alice', now: day(2) });
    // Extra entries: the task and the challenge bonus.
    expect(first.extras).toHaveLength(2);
    expect(take()).toBeLessThanOrEqual(5 + 2);
    await hh.ok('checkin', 'checkin', { communityId: cc }, { openid: 'o_alice', now: day(3) });
    // An ordinary day: read the member, write the entry and the member.
    expect(take()).toBe(3);
  });
});
