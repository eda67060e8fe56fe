import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { unwrap, type Gateway } from '../gateway/gateway';
import { adjustmentProblems, weekCards, type Overview } from './ConsoleStore';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

const NOW = '2026-03-16T04:00:00Z';
let h: Harness;
let c: string;
const gatewayFor = (openid: string, fail?: { action: string; times: number }): Gateway => ({
  call: async (fn, action, params) => {
    const envelope = await h.call(fn, action, params as Record<string, unknown>, { openid, now: NOW });
    if (fail?.action === action && fail.times-- > 0) throw new Error('network lost the answer');
    return unwrap(envelope) as never;
  },
});

beforeEach(async () => {
  h = sqliteHarness();
  c = await communityWithMembers(h);
});

describe('the console store', () => {
  it('finds a member, adjusts once however the answer is lost, appoints, bans and unbans, each time showing the member again', async () => {
    const root = new RootStore(gatewayFor('o_owner', { action: 'adjust', times: 1 }), memoryStorage(), c);
    const { console: admin } = root;
    await admin.search({ q: ' ali ' });
    expect(admin.members.map((m) => m.openid)).toEqual(['o_alice']);
    await h.ok('checkin', 'checkin', { communityId: c }, { openid: 'o_alice', now: '2026-03-02T02:00:00Z' });
    await admin.open('o_alice');
    expect(admin.member).toMatchObject({ nickname: 'alice', balance: 5 });
    // Their badges, for the member page.
    expect(admin.badges.filter((b) => b.earnedAt).map((b) => b.key)).toEqual(['first_checkin']);
    expect(await admin.adjust(30, '线下分享')).toBe(false);
    expect(admin.error).toBe('网络开小差了，请稍后重试');
    expect(await admin.adjust(30, '线下分享')).toBe(true);
    expect(admin.member).toMatchObject({ balance: 35 });
    expect(admin.entries).toHaveLength(2);
    expect(await admin.setModerator(true)).toBe(true);
    expect(admin.member?.role).toBe('moderator');
    expect(await admin.ban(true, '刷屏')).toBe(true);
    expect(admin.member?.banned).toBe(true);
    expect(admin.notice).toContain('已禁用');
    expect(await admin.ban(false, '误封')).toBe(true);
    expect(admin.member?.banned).toBe(false);
    // Another member's page does not carry the last one's message.
    await admin.open('o_bob');
    expect(admin.notice).toBeNull();
  });

  it('pages through a filter, and a new filter starts over', async () => {
    for (let i = 0; i < 25; i++) await h.ok('community', 'join', { communityId: c, nickname: `新人${i}` }, { openid: `o_n${i}`, now: NOW });
    const { console: admin } = new RootStore(gatewayFor('o_owner'), memoryStorage(), c);
    await admin.search({ segment: 'new' });
    expect(admin.members).toHaveLength(20);
    await admin.loadMore();
    expect(admin.members).toHaveLength(25);
    expect(admin.nextCursor).toBeNull();
    await admin.search({ role: 'owner' });
    expect(admin.members.map((m) => m.openid)).toEqual(['o_owner']);
  });

  it('shows a moderator the refusal of an owner-only action in words', async () => {
    await h.ok('community', 'setRole', { communityId: c, openid: 'o_alice', role: 'moderator' }, { openid: 'o_owner', now: NOW });
    const { console: admin } = new RootStore(gatewayFor('o_alice'), memoryStorage(), c);
    await admin.open('o_bob');
    expect(await admin.ban(true, '试试')).toBe(false);
    expect(admin.error).toBe('只有群主可以这样做');
  });

  it('loads the health numbers and exports through the platform download', async () => {
    await h.ok('checkin', 'checkin', { communityId: c }, { openid: 'o_alice', now: '2026-03-10T02:00:00Z' });
    await h.ok('jobs', 'rollupStats', {}, { openid: null, source: 'wx_trigger', now: NOW });
    const opened: string[] = [];
    const root = new RootStore(
      gatewayFor('o_owner'),
      memoryStorage(),
      c,
      undefined,
      undefined,
      async (file) => void opened.push(file.fileName),
    );
    await root.console.loadHealth(30);
    expect(root.console.overview?.days).toHaveLength(30);
    expect(root.console.weekCards.find((card) => card.key === 'checkins')).toEqual({
      key: 'checkins',
      label: '签到',
      thisWeek: 1,
      lastWeek: 0,
    });
    expect(root.console.segments.map((s) => s.key)).toEqual(['new', 'core', 'active', 'at_risk', 'dormant', 'lost']);
    expect(await root.console.exportCsv('members')).toBe(true);
    expect(opened).toEqual(['宝妈成长营-成员-2026-03-16.csv']);
    expect(root.console.notice).toBe('已导出 3 行：宝妈成长营-成员-2026-03-16.csv');
  });
});

describe('week cards', () => {
  it('sums the last 7 days against the 7 before', () => {
    const day = (n: number) => ({
      day: `d${n}`,
      activeMembers: n,
      newMembers: 0,
      checkins: 1,
      pointsIssued: 10,
      pointsSpent: n % 2,
      pointsExpired: 0,
      pointsReversed: 0,
      posts: 0,
      answers: 0,
      referralsRewarded: 0,
    });
    const overview = { days: Array.from({ length: 30 }, (_, i) => day(i)) } as unknown as Overview;
    const cards = weekCards(overview);
    expect(cards.find((c) => c.key === 'activeMembers')).toMatchObject({
      thisWeek: 23 + 24 + 25 + 26 + 27 + 28 + 29,
      lastWeek: 16 + 17 + 18 + 19 + 20 + 21 + 22,
    });
    expect(cards.find((c) => c.key === 'checkins')).toMatchObject({ thisWeek: 7, lastWeek: 7 });
  });
});

describe('adjustment form', () => {
  it('says what to fix in plain Chinese, field by field, before anything is sent', () => {
    expect(adjustmentProblems('30', '线下分享')).toEqual({});
    expect(adjustmentProblems('-20', '扣回')).toEqual({});
    expect(adjustmentProblems('', '')).toEqual({
      amount: '请填整数，扣分在前面加 -，例如 -20',
      reason: '请写明原因，成员会在积分明细里看到',
    });
    expect(adjustmentProblems('1.5', 'x').amount).toContain('整数');
    expect(adjustmentProblems('0', 'x').amount).toBe('调整的积分不能为 0');
    expect(adjustmentProblems('200000', 'x').amount).toContain('100000');
    expect(adjustmentProblems('5', '字'.repeat(101)).reason).toBe('原因最多 100 个字');
  });
});
