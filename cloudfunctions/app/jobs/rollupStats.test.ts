import { STORIES } from '../../core/testing/stories';
import { MemoryWxDatabase } from '../../store/testing/memoryWxDatabase';
import { WxCloudStore } from '../../store/wxcloud/wxcloudStore';
import { communityWithMembers, eachStore, sqliteHarness, type Harness } from '../../testing/harness';

// The community's days are Asia/Shanghai; the process runs in UTC, as cloud functions do.
process.env.TZ = 'UTC';

let h: Harness;
let c: string;
const owner = (now: string) => ({ openid: 'o_owner', now });
const as = (openid: string, now: string) => ({ openid, now });
const trigger = (now: string) => ({ openid: null, source: 'wx_trigger', now });
const rollup = (now: string) => h.ok('jobs', 'rollupStats', {}, trigger(now));
const overview = (now: string, days: 7 | 30 | 90 = 7) => h.ok('stats', 'overview', { communityId: c, days }, owner(now));

/** Everything the rollup writes, to compare two moments. */
const statsDocs = async () => ({
  stats: await h.store.get('stats', c),
  days: await h.store.find('statsDays', { where: { communityId: c }, orderBy: [['day', 'asc']] }),
});

const sumOfBalances = async () => {
  const members = await h.store.find('members', { where: { communityId: c } });
  return members.reduce((sum: number, m: { balance: number }) => sum + m.balance, 0);
};

eachStore((open) => {
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h);
  });

  it('counts each day exactly, across the 16:00Z day boundary, and liability equals the sum of balances', async () => {
    expect(new Date('2026-03-02T00:00:00Z').getHours()).toBe(0);
    // 2026-03-02 in Shanghai: alice at 15:59:59Z (23:59:59 there); bob at 16:00:01Z is already 03-03.
    await h.ok('checkin', 'checkin', { communityId: c }, as('o_alice', '2026-03-02T15:59:59Z'));
    await h.ok('checkin', 'checkin', { communityId: c }, as('o_bob', '2026-03-02T16:00:01Z'));
    await h.ok('checkin', 'checkin', { communityId: c }, as('o_alice', '2026-03-03T02:00:00Z'));
    const { post } = await h.ok('posts', 'create', { communityId: c, body: STORIES[0] }, as('o_alice', '2026-03-03T03:00:00Z'));
    await h.ok('posts', 'review', { communityId: c, postId: post.id, decision: 'approve', points: 80 }, owner('2026-03-03T04:00:00Z'));
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_bob', delta: 100, reason: '活动', requestId: 'stats-adj-01' },
      owner('2026-03-03T05:00:00Z'),
    );
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_bob', delta: -30, reason: '扣回', requestId: 'stats-adj-02' },
      owner('2026-03-03T05:01:00Z'),
    );
    const { item } = await h.ok(
      'mall',
      'upsertItem',
      { communityId: c, item: { name: '券', kind: 'service', pointsPrice: 20, stock: 5 } },
      owner('2026-03-03T05:02:00Z'),
    );
    const { order } = await h.ok(
      'mall',
      'redeem',
      { communityId: c, itemId: item.id, requestId: 'stats-redeem-1' },
      as('o_bob', '2026-03-03T06:00:00Z'),
    );
    await h.ok('mall', 'redeem', { communityId: c, itemId: item.id, requestId: 'stats-redeem-2' }, as('o_bob', '2026-03-03T06:01:00Z'));
    await h.ok('mall', 'cancel', { communityId: c, orderId: order.id, reason: '缺货' }, owner('2026-03-03T07:00:00Z'));
    await h.ok('posts', 'revoke', { communityId: c, postId: post.id, reason: '抄袭' }, owner('2026-03-03T08:00:00Z'));

    expect(await rollup('2026-03-03T12:00:00Z')).toEqual({ communities: 1, records: expect.any(Number), more: false });
    const { days, totals, asOf } = await overview('2026-03-03T12:00:00Z');
    expect(asOf).toBe('2026-03-03T12:00:00.000Z');
    expect(days.map((d) => d.day)).toEqual([
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
    ]);
    expect(days[5]).toMatchObject({ day: '2026-03-02', activeMembers: 1, checkins: 1, pointsIssued: 5 });
    expect(days[6]).toMatchObject({
      day: '2026-03-03',
      activeMembers: 2,
      checkins: 2,
      posts: 1,
      // 5 + 5 (check-ins) + 80 (the post) + 100 (adjust)
      pointsIssued: 190,
      // 20 + 20 spent, 20 refunded
      pointsSpent: 20,
      // -30 (adjust) and the post's 80 reversed
      pointsReversed: 110,
    });
    expect(days[4]).toMatchObject({ day: '2026-03-01', newMembers: 3, activeMembers: 0 });
    expect(totals).toMatchObject({
      members: 3,
      activeMembers: 2,
      pointsIssued: 195,
      pointsSpent: 20,
      pointsReversed: 110,
      burnRate: 0.1026,
    });
    expect(totals.liability).toBe(await sumOfBalances());
    expect(totals.liability).toBe(195 - 20 - 110);
  });

  it('changes nothing when run twice, counts only what is new on the next run, and never twice when runs race', async () => {
    await h.ok('checkin', 'checkin', { communityId: c }, as('o_alice', '2026-03-02T02:00:00Z'));
    await rollup('2026-03-02T12:00:00Z');
    const first = await statsDocs();
    await rollup('2026-03-02T12:00:00Z');
    expect(await statsDocs()).toEqual(first);

    await h.ok('checkin', 'checkin', { communityId: c }, as('o_bob', '2026-03-02T13:00:00Z'));
    await h.ok('checkin', 'checkin', { communityId: c }, as('o_alice', '2026-03-03T02:00:00Z'));
    await Promise.all([rollup('2026-03-03T12:00:00Z'), rollup('2026-03-03T12:00:00Z'), rollup('2026-03-03T12:00:00Z')]);
    const { days } = await overview('2026-03-03T12:00:00Z');
    expect(days.slice(-2).map((d) => [d.day, d.checkins, d.activeMembers, d.pointsIssued])).toEqual([
      ['2026-03-02', 2, 2, 10],
      ['2026-03-03', 1, 1, 5],
    ]);
  });

  it('waits for records stamped within the settling time, then counts them', async () => {
    await h.ok('checkin', 'checkin', { communityId: c }, as('o_alice', '2026-03-02T11:59:00Z'));
    await rollup('2026-03-02T12:00:00Z');
    expect((await overview('2026-03-02T12:00:00Z')).days.at(-1)).toMatchObject({ checkins: 0 });
    await rollup('2026-03-02T12:05:00Z');
    expect((await overview('2026-03-02T12:05:00Z')).days.at(-1)).toMatchObject({ checkins: 1 });
  });

  it('splits months in Shanghai time and retains a cohort by its activity in the next month', async () => {
    // Joined 03-31 23:59 Shanghai (15:59Z): the March cohort. Active on 04-01 00:00:01 Shanghai.
    await h.ok('community', 'join', { communityId: c, nickname: '月底' }, as('o_late', '2026-03-31T15:59:00Z'));
    await h.ok('community', 'join', { communityId: c, nickname: '四月' }, as('o_april', '2026-03-31T16:00:01Z'));
    await h.ok('checkin', 'checkin', { communityId: c }, as('o_late', '2026-03-31T16:00:01Z'));
    await h.ok('checkin', 'checkin', { communityId: c }, as('o_late', '2026-04-01T16:00:01Z'));
    await h.ok('checkin', 'checkin', { communityId: c }, as('o_alice', '2026-04-02T02:00:00Z'));
    await rollup('2026-05-02T02:00:00Z');
    const { retention } = await overview('2026-05-02T02:00:00Z', 90);
    // The last six cohorts end with last month's.
    expect(retention.map((r) => r.cohort)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    // March: alice, bob, the owner (03-01) and o_late (03-31): o_late and alice came back in April.
    expect(retention.slice(-2)).toEqual([
      { cohort: '2026-03', joined: 4, retained: 2 },
      { cohort: '2026-04', joined: 1, retained: 0 },
    ]);
    const april = (await h.ok('stats', 'overview', { communityId: c, days: 90 }, owner('2026-05-02T02:00:00Z'))).days.find(
      (d) => d.day === '2026-04-01',
    );
    expect(april).toMatchObject({ newMembers: 1, activeMembers: 1, checkins: 1 });
  });

  it('counts tiers and segments over the members, and says so as of its run', async () => {
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_bob', delta: 600, reason: '升级', requestId: 'stats-tier-01' },
      owner('2026-03-02T02:00:00Z'),
    );
    for (let d = 0; d < 15; d++)
      await h.ok('checkin', 'checkin', { communityId: c }, as('o_alice', `2026-03-${String(2 + d).padStart(2, '0')}T02:00:00Z`));
    await rollup('2026-03-16T12:00:00Z');
    const { tiers } = await overview('2026-03-16T12:00:00Z');
    expect(tiers).toEqual([
      { name: '铜', members: 2 },
      { name: '银', members: 1 },
      { name: '金', members: 0 },
      { name: '铂金', members: 0 },
    ]);
    // Everyone joined 03-01, 15 days before: no longer new. Alice checked in 15 days running; bob never came
    // (lost); the owner runs the community and is in no segment, though among the members.
    const segments = await h.ok('stats', 'segments', { communityId: c }, owner('2026-03-16T12:00:00Z'));
    expect(Object.fromEntries(segments.segments.map((s) => [s.key, s.members]))).toEqual({
      new: 0,
      core: 1,
      active: 0,
      at_risk: 0,
      dormant: 0,
      lost: 1,
    });
    expect(segments.members).toBe(3);
    expect(segments.asOf).toBe('2026-03-16T12:00:00.000Z');
    // A month later, without activity, alice is dormant; counted so only after the next run.
    await rollup('2026-04-10T12:00:00Z');
    const later = await h.ok('stats', 'segments', { communityId: c }, owner('2026-04-10T12:00:00Z'));
    expect(Object.fromEntries(later.segments.map((s) => [s.key, s.members]))).toMatchObject({ core: 0, dormant: 1, lost: 1 });
  });

  it('stops on its time budget and the next runs finish the same numbers', async () => {
    for (let d = 0; d < 6; d++)
      await h.ok(
        'checkin',
        'checkin',
        { communityId: c },
        as(d % 2 ? 'o_bob' : 'o_alice', `2026-03-${String(2 + d).padStart(2, '0')}T02:00:00Z`),
      );
    let ticks = 0;
    // Time is the number of checks: enough for a page or two per run, not for everything.
    const slow = sqliteHarness(h.store, undefined, { clock: () => (ticks += 1), jobBudgetMs: 4 });
    let runs = 0;
    for (let more = true; more && runs < 50; runs++)
      more = (await slow.ok('jobs', 'rollupStats', {}, trigger('2026-03-10T12:00:00Z'))).more;
    expect(runs).toBeGreaterThan(1);
    expect(runs).toBeLessThan(50);
    const paged = (await overview('2026-03-10T12:00:00Z', 30)).days;
    expect(paged.reduce((sum, d) => sum + d.checkins, 0)).toBe(6);
    expect(paged.reduce((sum, d) => sum + d.activeMembers, 0)).toBe(6);
  });

  it('shows the numbers to staff only, and runs for the timer only', async () => {
    expect(await h.call('stats', 'overview', { communityId: c, days: 7 }, as('o_alice', '2026-03-02T02:00:00Z'))).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.call('stats', 'segments', { communityId: c }, as('o_alice', '2026-03-02T02:00:00Z'))).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.call('stats', 'overview', { communityId: c, days: 14 }, owner('2026-03-02T02:00:00Z'))).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.call('jobs', 'rollupStats', {}, as('o_owner', '2026-03-02T02:00:00Z'))).toMatchObject({ error: { code: 'FORBIDDEN' } });
    // Before any rollup: zeros, not an error.
    expect(await overview('2026-03-02T02:00:00Z')).toMatchObject({ asOf: null, totals: { members: 0, liability: 0, burnRate: 0 } });
  });
});

describe('the rollup on the cloud double', () => {
  it('reads each new record once and writes a handful of documents per page', async () => {
    const db = new MemoryWxDatabase();
    h = sqliteHarness(new WxCloudStore(db));
    c = await communityWithMembers(h);
    for (let d = 0; d < 3; d++) {
      for (const who of ['o_alice', 'o_bob']) await h.ok('checkin', 'checkin', { communityId: c }, as(who, `2026-03-0${2 + d}T02:00:00Z`));
    }
    db.resetCounts();
    await rollup('2026-03-05T12:00:00Z');
    const { reads, writes, queries, transactions } = db.counts;
    // One transaction for the ledger's page (its three days and the stats), one for the counts
    // (no events to follow): 4 + 2 writes (the stats again, and the day that had newcomers).
    expect({ transactions, writes }).toEqual({ transactions: 2, writes: 6 });
    expect(reads).toBeLessThanOrEqual(14);
    // The community list, two ledger pages and an event page, then counts: members, 3 windows, 4
    // tiers, 6 segments, newcomers on 5 days and in 13 months.
    expect(queries).toBe(4 + 1 + 3 + 4 + 6 + 5 + 13);
    db.resetCounts();
    await rollup('2026-03-05T13:00:00Z');
    // Nothing new: one transaction for the counts; only today and this month are counted again.
    expect({ transactions: db.counts.transactions, queries: db.counts.queries }).toEqual({
      transactions: 1,
      queries: 3 + 1 + 3 + 4 + 6 + 1 + 1,
    });
  });
});
