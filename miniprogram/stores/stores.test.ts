import { communityWithMembers, sqliteHarness, type Harness } from '../../cloudfunctions/testing/harness';
import { unwrap, type Gateway } from '../gateway/gateway';
import { RootStore } from './RootStore';
import { memoryStorage } from './storage';

/** A Gateway straight into the cloud functions' dispatchers, on a real SQLite store. */
const gatewayFor = (h: Harness, openid: string, now: () => string): Gateway => ({
  call: async (fn, action, params) => unwrap(await h.call(fn, action, params as Record<string, unknown>, { openid, now: now() })) as never,
});

let h: Harness;
let communityId: string;
let now = '2026-03-03T02:00:00Z';
beforeEach(async () => {
  h = sqliteHarness();
  communityId = await communityWithMembers(h);
  now = '2026-03-03T02:00:00Z';
});

describe('app stores', () => {
  it('loads points, checks in, and shows progress to the next tier', async () => {
    const root = new RootStore(
      gatewayFor(h, 'o_alice', () => now),
      memoryStorage(),
      communityId,
    );
    await root.session.load();
    expect(root.session).toMatchObject({ isMember: true, isStaff: false, role: 'member' });
    await root.points.load();
    expect(root.points.me).toMatchObject({ balance: 0, checkedInToday: false, nextBonusIn: 6 });
    expect(root.points.month).toBe('2026-03');

    expect(await root.points.checkIn()).toMatchObject({ awarded: 5, streak: 1 });
    expect(root.points.me).toMatchObject({ balance: 5, checkedInToday: true });
    expect(root.points.checkedDays).toEqual(['2026-03-03']);
    expect(root.points.tierPercent).toBe(1);
    expect(root.points.pointsToNextTier).toBe(495);

    expect(await root.points.checkIn()).toBeNull();
    expect(root.points.error).toBe('今天已经签到过了，明天再来');
  });

  it('pages the ledger and stops at the end', async () => {
    for (let d = 1; d <= 25; d++)
      await h.ok('checkin', 'checkin', { communityId }, { openid: 'o_alice', now: `2026-04-${String(d).padStart(2, '0')}T02:00:00Z` });
    const root = new RootStore(
      gatewayFor(h, 'o_alice', () => now),
      memoryStorage(),
      communityId,
    );
    await root.ledger.refresh();
    expect(root.ledger.entries).toHaveLength(20);
    expect(root.ledger.hasMore).toBe(true);
    await root.ledger.loadMore();
    expect(root.ledger.entries.length).toBeGreaterThan(20);
    expect(root.ledger.hasMore).toBe(false);
    const ids = root.ledger.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lands an outsider on a join, remembering the invite link', async () => {
    const storage = memoryStorage();
    const root = new RootStore(
      gatewayFor(h, 'o_newcomer', () => now),
      storage,
      null,
    );
    root.session.useCommunity(communityId, 'abcd1234');
    await root.session.load();
    expect(root.session.isMember).toBe(false);
    expect(await root.session.join('新人')).toBe(true);
    expect(root.session.role).toBe('member');
    expect(storage.get('communityId')).toBe(communityId);
    const { members } = await h.ok('community', 'members', { communityId, limit: 100 }, { openid: 'o_owner' });
    expect(members.map((m: { nickname: string }) => m.nickname)).toContain('新人');
  });

  it('says what went wrong in the server’s words', async () => {
    const root = new RootStore(
      gatewayFor(h, 'o_alice', () => now),
      memoryStorage(),
      'missing',
    );
    await root.session.load();
    expect(root.session.error).toBe('社群不存在');
  });
});

describe('the community’s today', () => {
  afterEach(() => jest.useRealTimers());

  it('is the community’s day before the server has said it (an owner’s page opened by its address), then the server’s', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-03-02T16:30:00Z'), doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const h = sqliteHarness();
    const communityId = await communityWithMembers(h);
    const root = new RootStore(
      gatewayFor(h, 'o_owner', () => '2026-03-05T02:00:00Z'),
      memoryStorage(),
      communityId,
    );
    expect(root.today).toBe('2026-03-03');
    await root.points.load();
    expect(root.today).toBe('2026-03-05');
  });
});

describe('ledger lines', () => {
  it('calls a lottery try 抽奖 and a redemption 兑换, though both are spends', async () => {
    const { entryLabel } = await import('./LedgerStore');
    expect(entryLabel({ id: 'draw:c:o_alice:t1', kind: 'spend', reason: '抽奖' })).toBe('抽奖');
    expect(entryLabel({ id: 'spend:c:o_alice:order1', kind: 'spend', reason: '兑换' })).toBe('兑换');
    expect(entryLabel({ id: 'pool:c:o_alice:k1', kind: 'spend', reason: '众筹「空气炸锅」' })).toBe('众筹');
    expect(entryLabel({ id: 'pool:c:o_alice:k2', kind: 'spend', reason: '捐赠「山区图书」' })).toBe('捐赠');
    expect(entryLabel({ id: 'checkin:c:o_alice:2026-03-01', kind: 'earn', reason: '签到' })).toBe('获得');
    expect(entryLabel({ id: 'reverse:c:o_alice:p1', kind: 'reverse', reason: '收回' })).toBe('收回');
  });
});

describe('the check-in pop', () => {
  it('says what made up the points when more than the day paid', async () => {
    const { checkinBreakdown } = await import('./PointsStore');
    expect(checkinBreakdown({ awarded: 5, bonus: 0 })).toEqual({ total: 5, parts: '' });
    expect(checkinBreakdown({ awarded: 5, bonus: 50 })).toEqual({ total: 55, parts: '5 签到 + 50 连签奖励' });
    expect(checkinBreakdown({ awarded: 5, bonus: 0, referralBonus: 20 })).toEqual({ total: 25, parts: '5 签到 + 20 邀请奖励' });
  });
});
