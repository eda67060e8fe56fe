import { startRuntime, type Runtime } from '../support/runtime';

let rt: Runtime;
let c: string;
const OWNER = 'e_owner';
const MEI = 'e_mei';
const LAN = 'e_lan';
const as = (openid: string, now?: string) => ({ 'X-Dev-Openid': openid, ...(now ? { 'X-Dev-Now': now } : {}) });
const trigger = (now: string) => ({ 'X-Dev-Source': 'wx_trigger', 'X-Dev-Now': now });
/** Days in December 2026, at 10:00 in Shanghai. */
const day = (n: number) => `2026-12-${String(n).padStart(2, '0')}T02:00:00Z`;

beforeAll(async () => {
  rt = await startRuntime();
  c = (await rt.ok('community', { action: 'create', name: '活动测试群' }, OWNER, { 'X-Dev-Now': day(1) })).community.id;
  await rt.ok('community', { action: 'join', communityId: c, nickname: '小美' }, MEI, { 'X-Dev-Now': day(1) });
  await rt.ok('community', { action: 'join', communityId: c, nickname: '小兰' }, LAN, { 'X-Dev-Now': day(1) });
  await rt.ok('community', { action: 'updateRules', communityId: c, rules: { tasks: { firstCheckin: 10 }, makeUp: { cost: 5 } } }, OWNER, {
    'X-Dev-Now': day(1),
  });
});
afterAll(async () => {
  await rt?.stop();
});

/** What the engagement actions could change: the members' points and the campaigns. */
const snapshot = async () => ({
  mei: await rt.ok('points', { action: 'me', communityId: c }, MEI, { 'X-Dev-Now': day(9) }),
  lan: await rt.ok('points', { action: 'me', communityId: c }, LAN, { 'X-Dev-Now': day(9) }),
  calendar: await rt.ok('checkin', { action: 'calendar', communityId: c, month: '2026-12' }, MEI, { 'X-Dev-Now': day(9) }),
  campaigns: await rt.ok('campaigns', { action: 'list', communityId: c }, OWNER, { 'X-Dev-Now': day(9) }),
  badges: await rt.ok('points', { action: 'badges', communityId: c }, MEI, { 'X-Dev-Now': day(9) }),
});

describe('engagement over HTTP', () => {
  it('a double-points campaign shows in the next check-in; tasks, badges, tiers, make-up and the board answer as API.md says', async () => {
    const { campaign } = await rt.ok(
      'campaigns',
      {
        action: 'upsert',
        communityId: c,
        campaign: { kind: 'multiplier', name: '双倍积分周', actions: ['checkin'], multiplier: 2, startsAt: day(2), endsAt: day(8) },
      },
      OWNER,
      { 'X-Dev-Now': day(1) },
    );
    expect(campaign).toMatchObject({ status: 'upcoming', multiplier: 2 });
    expect((await rt.ok('campaigns', { action: 'list', communityId: c }, MEI, { 'X-Dev-Now': day(1) })).campaigns).toMatchObject([
      { id: campaign.id, status: 'upcoming' },
    ]);
    const checkin = await rt.ok('checkin', { action: 'checkin', communityId: c }, MEI, { 'X-Dev-Now': day(2) });
    expect(checkin).toMatchObject({
      awarded: 10,
      multiplier: 2,
      extras: [{ reason: '新手任务：完成第一次签到', points: 10 }],
      balance: 20,
    });
    expect(
      (await rt.ok('points', { action: 'tasks', communityId: c }, MEI)).tasks.find((t: { key: string }) => t.key === 'firstCheckin'),
    ).toEqual({ key: 'firstCheckin', name: '完成第一次签到', points: 10, done: true });
    expect((await rt.ok('points', { action: 'badges', communityId: c, openid: MEI }, LAN)).badges[0]).toMatchObject({
      key: 'first_checkin',
      earnedAt: expect.any(String),
    });
    expect(await rt.ok('points', { action: 'tiers', communityId: c }, MEI)).toMatchObject({
      mode: 'lifetime',
      tiers: [
        { name: '铜', minPoints: 0, multiplier: 1, perks: ['签到、发帖、问答赚积分', '积分商城兑换'] },
        { name: '银' },
        { name: '金' },
        { name: '铂金' },
      ],
    });
    expect((await rt.ok('points', { action: 'me', communityId: c }, MEI, { 'X-Dev-Now': day(2) })).tier).toMatchObject({
      name: '铜',
      points: 20,
      multiplier: 1,
      keep: null,
    });

    await rt.ok('checkin', { action: 'checkin', communityId: c }, MEI, { 'X-Dev-Now': day(4) });
    const made = await rt.ok('checkin', { action: 'makeUp', communityId: c, day: '2026-12-03', requestId: 'http-makeup-01' }, MEI, {
      'X-Dev-Now': day(4),
    });
    expect(made).toEqual({ day: '2026-12-03', cost: 5, streak: 3, balance: 25 });
    expect(await rt.ok('checkin', { action: 'calendar', communityId: c, month: '2026-12' }, MEI, { 'X-Dev-Now': day(4) })).toMatchObject({
      madeUp: ['2026-12-03'],
      streak: 3,
    });

    const board = await rt.ok('points', { action: 'leaderboard', communityId: c, period: 'all' }, LAN);
    expect(board).toMatchObject({ rows: [{ openid: MEI, rank: 1 }], me: { rank: 2, points: 0 } });
    expect((await rt.ok('points', { action: 'leaderboard', communityId: c, period: 'all' }, OWNER)).me).toBeNull();

    const progress = await rt.ok('campaigns', { action: 'progress', communityId: c }, MEI);
    expect(progress).toEqual({ challenges: [] });
    expect(await rt.ok('campaigns', { action: 'report', communityId: c, campaignId: campaign.id }, OWNER)).toEqual({
      returned: 0,
      pointsAwarded: 0,
    });
    expect(
      (await rt.ok('campaigns', { action: 'end', communityId: c, campaignId: campaign.id }, OWNER, { 'X-Dev-Now': day(5) })).campaign
        .status,
    ).toBe('ended');

    for (const job of ['reviewTiers', 'monthlyAwards']) {
      expect((await rt.call('jobs', { action: job }, trigger(day(6)))).body).toMatchObject({ ok: true, data: { more: false } });
      expect((await rt.call('jobs', { action: job }, as(OWNER))).body.error.code).toBe('FORBIDDEN');
    }
  });

  it('answers junk to every engagement action with a clear error and changes nothing', async () => {
    const before = await snapshot();
    const junkValues = [null, 1.5, '', ' ', 'x'.repeat(5000), true, [], { $gt: '' }];
    const cases: Array<[string, string, Record<string, unknown>]> = [];
    const ok = { kind: 'winback', name: '回归', bonusPoints: 10, startsAt: day(2), endsAt: day(30) };
    for (const value of junkValues) {
      cases.push(['campaigns', OWNER, { action: 'upsert', communityId: c, campaign: value }]);
      for (const field of ['kind', 'name', 'startsAt', 'endsAt', 'bonusPoints', 'inactiveDays', 'id'])
        cases.push(['campaigns', OWNER, { action: 'upsert', communityId: c, campaign: { ...ok, [field]: value } }]);
      cases.push([
        'campaigns',
        OWNER,
        {
          action: 'upsert',
          communityId: c,
          campaign: { kind: 'multiplier', name: '双倍', actions: value, multiplier: 2, startsAt: day(2), endsAt: day(30) },
        },
      ]);
      // 1.5 is a fine multiplier.
      if (value !== 1.5)
        cases.push([
          'campaigns',
          OWNER,
          {
            action: 'upsert',
            communityId: c,
            campaign: { kind: 'multiplier', name: '双倍', actions: ['checkin'], multiplier: value, startsAt: day(2), endsAt: day(30) },
          },
        ]);
      cases.push([
        'campaigns',
        OWNER,
        {
          action: 'upsert',
          communityId: c,
          campaign: { kind: 'challenge', name: '挑战', metric: value, target: 3, bonusPoints: 5, startsAt: day(2), endsAt: day(30) },
        },
      ]);
      cases.push(['campaigns', OWNER, { action: 'end', communityId: c, campaignId: value }]);
      cases.push(['campaigns', OWNER, { action: 'report', communityId: c, campaignId: value }]);
      cases.push(['checkin', MEI, { action: 'makeUp', communityId: c, day: value, requestId: 'http-junk-0001' }]);
      cases.push(['checkin', MEI, { action: 'makeUp', communityId: c, day: '2026-12-05', requestId: value }]);
      cases.push(['checkin', MEI, { action: 'makeUpQuote', communityId: c, day: value }]);
      cases.push(['points', MEI, { action: 'transfer', communityId: c, to: value, amount: 10, requestId: 'http-gift-0001' }]);
      cases.push(['points', MEI, { action: 'transfer', communityId: c, to: LAN, amount: value, requestId: 'http-gift-0002' }]);
      if (typeof value !== 'string' || value.length > 50)
        cases.push([
          'points',
          MEI,
          { action: 'transfer', communityId: c, to: LAN, amount: 10, message: value, requestId: 'http-gift-0003' },
        ]);
      cases.push(['points', MEI, { action: 'transfer', communityId: c, to: LAN, amount: 10, requestId: value }]);
      cases.push(['points', MEI, { action: 'badges', communityId: c, openid: value }]);
      cases.push(['points', MEI, { action: 'leaderboard', communityId: c, period: value }]);
      cases.push(['points', MEI, { action: 'tiers', communityId: value }]);
      cases.push(['points', MEI, { action: 'tasks', communityId: value }]);
      cases.push(['campaigns', MEI, { action: 'progress', communityId: value }]);
      cases.push(['community', OWNER, { action: 'updateRules', communityId: c, rules: { makeUp: { cost: value } } }]);
      cases.push(['community', OWNER, { action: 'updateRules', communityId: c, rules: { tierRetention: { mode: value } } }]);
      cases.push(['community', OWNER, { action: 'updateRules', communityId: c, rules: { tasks: { profile: value } } }]);
      if (value !== 1.5)
        cases.push([
          'community',
          OWNER,
          { action: 'updateRules', communityId: c, rules: { tiers: [{ name: '铜', minPoints: 0, multiplier: value }] } },
        ]);
    }
    for (const [fn, caller, body] of cases) {
      const reply = await rt.call(fn, body, as(caller, day(9)));
      expect([JSON.stringify(body).slice(0, 120), reply.status, reply.body.ok]).toEqual([JSON.stringify(body).slice(0, 120), 200, false]);
      expect([JSON.stringify(body).slice(0, 160), ['INVALID_INPUT', 'NOT_FOUND'].includes(reply.body.error.code)]).toEqual([
        JSON.stringify(body).slice(0, 160),
        true,
      ]);
      // Said in Chinese, for the person who sent it.
      expect(reply.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await snapshot()).toEqual(before);
  });
});
