/**
 * npm run bench -- --scale: the cost of member actions at 100,000 members and 5,000,000 ledger
 * entries over a year, beside a new community (40 members: full pages, so both sides of a ratio
 * show the same rows) in the same database and process, one request
 * at a time and at 16 concurrent clients. The big community is built through the store's own API
 * (documents as the use cases write them, balances equal to the ledger). Knobs: SCALE_MEMBERS
 * (100,000), SCALE_ENTRIES (5,000,000), SCALE_SAMPLES (300 per measurement), SCALE_ONLY (a comma-separated
 * list of action names' beginnings to measure, e.g. `checkin,points.leaderboard`; the rollup is then skipped).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, dayOf, monthKey, weekKey } from '../cloudfunctions/core/days';
import { STORIES } from '../cloudfunctions/core/testing/stories';
import { admitMember, newMember } from '../cloudfunctions/app/community/newMember';
import { ids, type LedgerDoc } from '../cloudfunctions/app/kernel/documents';
import type { MemberDoc } from '../cloudfunctions/app/community/documents';
import { ledgerSortKey } from '../cloudfunctions/app/kernel/ledgerWrites';
import { sqliteHarness, type Harness } from '../cloudfunctions/testing/harness';
import { SqliteStore } from '../cloudfunctions/store/sqlite/sqliteStore';
import { DEFAULT_JOB_BUDGET_MS } from '../cloudfunctions/app/jobs/budget';
import { emptyStats } from '../cloudfunctions/app/jobs/rollupStats';
import { counting } from '../cloudfunctions/store/testing/counting';

const MEMBERS = Number(process.env.SCALE_MEMBERS ?? 100_000);
const ENTRIES = Number(process.env.SCALE_ENTRIES ?? 5_000_000);
const SAMPLES = Number(process.env.SCALE_SAMPLES ?? 300);
const NOW = '2026-12-01T04:00:00Z';
const YEAR_AGO = '2025-12-02';
const BUDGET = 1.5;
const SMALL_MEMBERS = 40;
const ROUNDS = 3;

type Report = (name: string, value: string, ok?: boolean | null) => void;

/** Days a member earned on: most a few dozen, a long tail almost daily, 5,000,000 in all. */
function earningDays(i: number): number {
  const mean = ENTRIES / MEMBERS;
  const heavy = i % 20 === 0;
  return Math.max(1, Math.min(364, Math.round(heavy ? 364 : (mean * 20 - 364) / 19)));
}

async function buildBig(store: SqliteStore, communityId: string): Promise<{ entries: number }> {
  const timezone = 'Asia/Shanghai';
  let entries = 0;
  const BATCH = 200;
  for (let start = 0; start < MEMBERS; start += BATCH) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(MEMBERS, start + BATCH); i++) {
        const openid = `o_${i}`;
        const days = earningDays(i);
        const member: MemberDoc = {
          ...newMember(communityId, openid, 'member', new Date('2025-12-01T02:00:00Z'), `成员${i}`),
          streak: 0,
          lastCheckinDay: null,
        };
        let balance = 0;
        const lots: MemberDoc['lots'] = [];
        for (let d = 0; d < days; d++) {
          const day = addDays(YEAR_AGO, Math.floor((d * 364) / days));
          balance += 5;
          const entry: LedgerDoc = {
            id: ids.ledger('checkin', communityId, openid, day),
            communityId,
            openid,
            delta: 5,
            kind: 'earn',
            reason: '每日签到',
            refId: ids.checkin(communityId, openid, day),
            balanceAfter: balance,
            createdAt: `${day}T02:00:00.000Z`,
            day,
            seq: d + 1,
            sortKey: ledgerSortKey(d + 1),
            timeKey: `${day}T02:00:00.000Z|${ids.ledger('checkin', communityId, openid, day)}`,
          };
          await tx.create('ledger', entry.id, entry);
          lots.push({ expiresAt: `${addDays(day, 365)}T16:00:00.000Z`, points: 5 });
        }
        entries += days;
        const lastDay = addDays(YEAR_AGO, Math.floor(((days - 1) * 364) / days));
        const today = dayOf(new Date(NOW), timezone);
        Object.assign(member, {
          balance,
          earnedTotal: balance,
          lots,
          nextExpiryAt: lots[0]?.expiresAt ?? null,
          seq: days,
          weekKey: weekKey(today),
          weekEarned: i % 7,
          monthKey: monthKey(today),
          monthEarned: i % 31,
          lastCheckinDay: lastDay,
        });
        await admitMember(tx, member);
      }
    });
  }
  return { entries };
}

/** A day of activity: a fifth of the members check in (20,000 at full size), a few hundred redeem. */
const ACTIVE_SHARE = 0.2;
const ACTIVITY_AT = '2026-12-01T12:00:00Z';
const ROLLUP_AT = '2026-12-01T13:00:00Z';

/**
 * The rollup's cost for one day of a big community: its history is taken as counted (the stats
 * positions at the start of the day, as if the hourly rollup had kept up all year), a day of
 * activity arrives through the use cases, and one rollup counts it — documents read and written
 * and time on the sqlite store, and how many 3 s invocations it would take in the cloud.
 */
async function rollupOfOneDay(store: SqliteStore, big: string, small: string, report: Report): Promise<void> {
  const h = sqliteHarness(store);
  const dayStart = '2026-11-30T16:00:00.000Z';
  for (const communityId of [big, small]) {
    const kept = { ...emptyStats(communityId), ledgerAfter: dayStart, activityAfter: dayStart, asOf: dayStart };
    await store.transaction((tx) => tx.set('stats', communityId, kept));
  }
  const active = Math.round(MEMBERS * ACTIVE_SHARE);
  const { item } = await h.ok(
    'mall',
    'upsertItem',
    { communityId: big, item: { name: '小样', kind: 'service', pointsPrice: 1, stock: 1_000_000 } },
    { openid: 'o_owner', now: ACTIVITY_AT },
  );
  for (let i = 0; i < active; i++) {
    const who = { openid: `o_${100 + i}`, now: ACTIVITY_AT };
    await h.ok('checkin', 'checkin', { communityId: big }, who);
    if (i % 50 === 0) await h.ok('mall', 'redeem', { communityId: big, itemId: item.id, requestId: `bench-day-${i}` }, who);
  }
  const measured = counting(store);
  const job = sqliteHarness(measured.store, undefined, { jobBudgetMs: 600_000 });
  const t0 = Date.now();
  const run = await job.ok('jobs', 'rollupStats', {}, { openid: null, source: 'wx_trigger', now: ROLLUP_AT });
  const ms = Date.now() - t0;
  const c = measured.counts();
  const cloudMs = (c.queries + c.reads + c.writes) * 25;
  report(
    `scale: rollupStats, one day of ${active.toLocaleString('en')} active members`,
    // In the cloud each round trip costs ~25 ms (the simulated cloud clock of the expiry bench), one after another.
    `${run.records.toLocaleString('en')} records, ${c.returned.toLocaleString('en')} documents read by ${c.queries} queries and counts, ${c.reads} by id, ${c.writes} written; ${ms} ms on sqlite; in the cloud ~${Math.ceil(cloudMs / 1000)} s: ${Math.ceil(cloudMs / DEFAULT_JOB_BUDGET_MS)} runs at 3 s, ${Math.ceil(cloudMs / 50_000)} at 60 s`,
  );
  const again = counting(store);
  await sqliteHarness(again.store).ok('jobs', 'rollupStats', {}, { openid: null, source: 'wx_trigger', now: ROLLUP_AT });
  report(
    'scale: rollupStats again, nothing new',
    `${again.counts().returned} documents read, ${again.counts().writes} written, ${again.counts().queries} queries and counts`,
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function measure(run: (i: number) => Promise<unknown>, clients: number): Promise<{ p50: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < SAMPLES) {
        const i = next++;
        const t0 = process.hrtime.bigint();
        await run(i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

export async function scaleBench(report: Report): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'cp-scale-')), 'db.sqlite');
  let store = new SqliteStore(file);
  const setup = sqliteHarness(store);
  const owner = { openid: 'o_owner', now: '2025-12-01T02:00:00Z' };
  const big = (await setup.ok('community', 'create', { name: '十万人大群' }, owner)).community.id;
  const small = (await setup.ok('community', 'create', { name: '新群' }, owner)).community.id;
  // Small, not bare: enough members for full pages, so both sides of a ratio show the same rows.
  for (let i = 0; i < SMALL_MEMBERS; i++) {
    await setup.ok('community', 'join', { communityId: small, nickname: `新人${i}` }, { openid: `o_${i}`, now: owner.now });
    // Earning this week and month too, so the small community's boards are as full as the big one's.
    await setup.ok('checkin', 'checkin', { communityId: small }, { openid: `o_${i}`, now: NOW });
  }
  const t0 = Date.now();
  const { entries } = await buildBig(store, big);
  report(
    `scale: built ${MEMBERS.toLocaleString('en')} members, ${entries.toLocaleString('en')} entries`,
    `${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  for (const communityId of [big, small]) {
    await setup.ok(
      'mall',
      'upsertItem',
      { communityId, item: { name: '券', kind: 'service', pointsPrice: 5, stock: 1_000_000 } },
      { ...owner, now: NOW },
    );
    for (let i = 0; i < 30; i++) {
      const { post } = await setup.ok(
        'posts',
        'create',
        { communityId, body: `${STORIES[i % STORIES.length]}（${i}）` },
        { openid: `o_${i % 5}`, now: NOW },
      );
      await setup.ok('posts', 'review', { communityId, postId: post.id, decision: 'approve' }, { ...owner, now: NOW });
    }
  }
  await store.close();

  // Start-up on the full file: what a restart costs.
  const started = Date.now();
  store = new SqliteStore(file);
  report(
    'scale: store start-up on the full database',
    `${Date.now() - started} ms, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  );
  const h: Harness = sqliteHarness(store);

  const firstLedgerCursor = async (communityId: string, openid: string) => {
    let cursor: string | null = null;
    for (let page = 0; page < 10 && (page === 0 || cursor); page++)
      cursor = (await h.ok('points', 'ledger', { communityId, cursor, limit: 20 }, { openid, now: NOW })).nextCursor;
    return cursor;
  };
  const deepCursors = new Map<string, string | null>();
  for (const communityId of [big, small]) deepCursors.set(communityId, await firstLedgerCursor(communityId, 'o_0'));
  const memberCursor = async (communityId: string, pages: number) => {
    let cursor: string | null = null;
    for (let page = 0; page < pages; page++)
      cursor = (await h.ok('community', 'members', { communityId, cursor, limit: 20 }, { ...owner, now: NOW })).nextCursor;
    return cursor;
  };
  const page50 = new Map<string, string | null>();
  for (const communityId of [big, small]) page50.set(communityId, await memberCursor(communityId, 49));

  if (!process.env.SCALE_ONLY) await rollupOfOneDay(store, big, small, report);

  let checkinDay = 0;
  const actions: Array<[string, (communityId: string, i: number) => Promise<unknown>]> = [
    // Each measurement has days of its own: five members, one new day each per five samples
    // (at 16 clients a later day may land first and refuse an earlier one: call, not ok).
    [
      'checkin.checkin',
      (communityId, i) =>
        h.call(
          'checkin',
          'checkin',
          { communityId },
          {
            openid: `o_${i % 5}`,
            now: new Date(Date.parse(NOW) + (checkinDay * Math.ceil(SAMPLES / 5) + Math.floor(i / 5)) * 86_400_000).toISOString(),
          },
        ),
    ],
    ['points.me', (communityId, i) => h.ok('points', 'me', { communityId }, { openid: `o_${(i * 20) % 5}`, now: NOW })],
    ['points.ledger (first page)', (communityId) => h.ok('points', 'ledger', { communityId, limit: 20 }, { openid: 'o_0', now: NOW })],
    [
      'points.ledger (page 10)',
      (communityId) =>
        h.ok('points', 'ledger', { communityId, limit: 20, cursor: deepCursors.get(communityId) }, { openid: 'o_0', now: NOW }),
    ],
    [
      'points.leaderboard week',
      (communityId) => h.ok('points', 'leaderboard', { communityId, period: 'week', limit: 20 }, { openid: 'o_0', now: NOW }),
    ],
    [
      'points.leaderboard month',
      (communityId) => h.ok('points', 'leaderboard', { communityId, period: 'month', limit: 20 }, { openid: 'o_0', now: NOW }),
    ],
    [
      'points.leaderboard all',
      (communityId) => h.ok('points', 'leaderboard', { communityId, period: 'all', limit: 20 }, { openid: 'o_0', now: NOW }),
    ],
    ['community.members (first page)', (communityId) => h.ok('community', 'members', { communityId, limit: 20 }, { ...owner, now: NOW })],
    [
      'community.members (page 50)',
      (communityId) => h.ok('community', 'members', { communityId, limit: 20, cursor: page50.get(communityId) }, { ...owner, now: NOW }),
    ],
    [
      'community.members (a search)',
      (communityId) =>
        h.ok('community', 'members', { communityId, q: communityId === big ? '成员12' : '新人', limit: 20 }, { ...owner, now: NOW }),
    ],
    ['mall.items', (communityId) => h.ok('mall', 'items', { communityId }, { openid: 'o_0', now: NOW })],
    ['posts.list (feed)', (communityId) => h.ok('posts', 'list', { communityId, limit: 20 }, { openid: 'o_0', now: NOW })],
    ['stats.overview (30 days)', (communityId) => h.ok('stats', 'overview', { communityId, days: 30 }, { ...owner, now: ROLLUP_AT })],
  ];
  // Rounds alternate between the two communities and the median round counts, so a burst of
  // noise on this machine (GC, another process) lands on both sides instead of deciding a ratio.
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  for (const [name, run] of actions.filter(
    ([n]) => !process.env.SCALE_ONLY || process.env.SCALE_ONLY.split(',').some((o) => n.startsWith(o)),
  )) {
    for (const clients of [1, 16]) {
      const rounds: Array<{ empty: { p50: number; p99: number }; full: { p50: number; p99: number } }> = [];
      for (let round = 0; round < ROUNDS; round++) {
        if (name === 'checkin.checkin') checkinDay++;
        const empty = await measure((i) => run(small, i), clients);
        if (name === 'checkin.checkin') checkinDay++;
        rounds.push({ empty, full: await measure((i) => run(big, i), clients) });
      }
      const empty = { p50: median(rounds.map((r) => r.empty.p50)), p99: median(rounds.map((r) => r.empty.p99)) };
      const full = { p50: median(rounds.map((r) => r.full.p50)), p99: median(rounds.map((r) => r.full.p99)) };
      const ratio = full.p50 / empty.p50;
      report(
        `scale: ${name}, ${clients} client${clients > 1 ? 's' : ''}`,
        `p50 ${full.p50.toFixed(2)} / ${empty.p50.toFixed(2)} ms (${ratio.toFixed(2)}x), p99 ${full.p99.toFixed(2)} / ${empty.p99.toFixed(2)} ms`,
        ratio <= BUDGET,
      );
    }
  }
  await store.close();
}
