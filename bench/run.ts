/**
 * npm run bench — measures what ARCHITECTURE.md budgets:
 *  1. a mixed member workload (check-in, me, ledger, adjust) over HTTP against the real local
 *     runtime, 32 concurrent clients for a fixed time: ops/s, p50/p99;
 *  2. in the same run, the raw SQLite transaction rate and a bare Node HTTP server's rate, so
 *     the runtime's numbers read as ratios of what this machine can do;
 *  3. document operations per action on the wxcloud adapter (the cloud database's cost);
 *  4. the expiry job on a busy day: invocations and document operations for 25,000 members due
 *     (the busiest day of a year-long 100,000-member community) at the 3 s default timeout, and
 *     for all 100,000 at once at 60 s, on a clock that charges 25 ms per document operation one
 *     after another (the simulated cloud; the job's ten parallel transactions are not credited);
 *  5. weapp package and cloud-function bundle sizes against their budgets.
 * `npm run bench -- --scale` measures at 100,000 members instead (bench/scale.ts).
 * Knobs: BENCH_SECONDS (default 10, measured after BENCH_WARMUP, default 2), BENCH_STRICT=1 (exit 1 on a missed budget),
 * BENCH_PROFILE=<dir> (CPU profile of the runtime), BENCH_NODE_ARGS (extra node flags).
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { STORIES } from '../cloudfunctions/core/testing/stories';
import { communityWithMembers, sqliteHarness } from '../cloudfunctions/testing/harness';
import { MemoryWxDatabase } from '../cloudfunctions/store/testing/memoryWxDatabase';
import { newMember } from '../cloudfunctions/app/community/newMember';
import { ids } from '../cloudfunctions/app/kernel/documents';
import { DEFAULT_JOB_BUDGET_MS } from '../cloudfunctions/app/jobs/budget';
import { SqliteStore } from '../cloudfunctions/store/sqlite/sqliteStore';
import { WxCloudStore } from '../cloudfunctions/store/wxcloud/wxcloudStore';
import { freePort, startRuntime } from '../tests/support/runtime';
import { counting } from '../cloudfunctions/store/testing/counting';
import { scaleBench } from './scale';

const ROOT = resolve(__dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 2);
const CLIENTS = 32;
const MEMBERS = 200;
const results: Array<[string, string, boolean | null]> = [];
const report = (name: string, value: string, ok: boolean | null = null) => {
  results.push([name, value, ok]);
  console.log(`${ok === null ? '   ' : ok ? 'ok ' : 'MISS'} ${name.padEnd(44)} ${value}`);
};

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

function post(port: number, path: string, body: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolvePost, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => resolvePost(data));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The p-th percentile of sorted latencies. */
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Runs `op` from CLIENTS concurrent loops for WARMUP_SECONDS, then for SECONDS more; returns the
 * measured part's ops/s and latency percentiles, overall and by the label each op returns (which
 * action it was, so a tail can be placed), and the warm-up's own percentiles. The warm-up is the
 * runtime's first seconds after start (JIT compilation, first statements prepared, caches
 * filling): reported beside, not mixed into the steady state a budget is about.
 */
async function load(op: (client: number, i: number) => Promise<string | void>) {
  const latencies: number[] = [];
  const warmup: number[] = [];
  const byLabel = new Map<string, number[]>();
  const measureFrom = process.hrtime.bigint() + BigInt(Math.round(WARMUP_SECONDS * 1e9));
  const end = measureFrom + BigInt(Math.round(SECONDS * 1e9));
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; process.hrtime.bigint() < end; i++) {
        const t0 = process.hrtime.bigint();
        const label = await op(client, i);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        // An op counts where it started: those in flight at either edge balance out.
        if (t0 < measureFrom) {
          warmup.push(ms);
          continue;
        }
        latencies.push(ms);
        if (label) {
          const list = byLabel.get(label);
          if (list) list.push(ms);
          else byLabel.set(label, [ms]);
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  warmup.sort((a, b) => a - b);
  const labels = [...byLabel].map(([label, ms]) => {
    ms.sort((a, b) => a - b);
    return { label, count: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99) };
  });
  return {
    ops: latencies.length / SECONDS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    count: latencies.length,
    labels,
    warmup: { count: warmup.length, p50: percentile(warmup, 50), p99: percentile(warmup, 99) },
  };
}

async function mixedWorkload() {
  const nodeArgs = [
    ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
  ];
  const rt = await startRuntime({ nodeArgs });
  const port = Number(new URL(rt.url).port);
  const { community } = await rt.ok('community', { action: 'create', name: '压测群' }, 'bench_owner');
  const members = Array.from({ length: MEMBERS }, (_, i) => `bench_m${i}`);
  await Promise.all(members.map((m) => rt.ok('community', { action: 'join', communityId: community.id }, m)));
  const checkins = new Map<string, number>();
  let errors = 0;
  const base = Date.parse('2027-01-01T02:00:00Z');
  const result = await load(async (client, i) => {
    const member = members[(client * 7919 + i * 31) % MEMBERS];
    const roll = (client * 13 + i * 7) % 10;
    let fn = 'points';
    let body: Record<string, unknown>;
    const headers: Record<string, string> = { 'X-Dev-Openid': member };
    if (roll < 3) {
      // Each member checks in on successive days, so every check-in really writes; a member's
      // check-ins come from one client, one after another, as days do (two days of one member
      // racing would refuse the earlier one, which no real member can make happen).
      const member = members[client + CLIENTS * (i % Math.floor(MEMBERS / CLIENTS))];
      headers['X-Dev-Openid'] = member;
      const day = (checkins.get(member) ?? 0) + 1;
      checkins.set(member, day);
      fn = 'checkin';
      body = { action: 'checkin', communityId: community.id };
      headers['X-Dev-Now'] = new Date(base + day * 86_400_000).toISOString();
    } else if (roll < 7) body = { action: 'me', communityId: community.id };
    else if (roll < 9) body = { action: 'ledger', communityId: community.id, limit: 20 };
    else {
      body = {
        action: 'adjust',
        communityId: community.id,
        openid: member,
        delta: 3,
        reason: '压测奖励',
        requestId: `bench-${client}-${i}-adj`,
      };
      headers['X-Dev-Openid'] = 'bench_owner';
    }
    const reply = JSON.parse(await post(port, `/api/${fn}`, JSON.stringify(body), headers));
    if (!reply.ok) errors++;
    return `${fn}.${body.action}`;
  });
  await rt.stop();
  return { ...result, errors };
}

async function bareHttpRate() {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require('http').createServer((q,s)=>{q.resume();q.on('end',()=>{s.setHeader('content-type','application/json');s.end('{"ok":true}')})}).listen(${port},'127.0.0.1',()=>console.log('up'))`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((r) => child.stdout!.once('data', r));
  const result = await load(async () => void (await post(port, '/', '{}', {})));
  child.kill();
  return result;
}

function rawSqliteRate() {
  const db = new Database(join(mkdtempSync(join(tmpdir(), 'cp-bench-')), 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE account (id TEXT PRIMARY KEY, balance INTEGER); CREATE TABLE entry (id TEXT PRIMARY KEY, delta INTEGER)');
  db.prepare('INSERT INTO account VALUES (?, 0)').run('a');
  const update = db.prepare('UPDATE account SET balance = balance + ? WHERE id = ? AND balance + ? >= 0');
  const insert = db.prepare('INSERT INTO entry VALUES (?, ?)');
  const tx = db.transaction((i: number) => {
    update.run(1, 'a', 1);
    insert.run(`e${i}`, 1);
  });
  const n = 5000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) tx.immediate(i);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  return n / seconds;
}

async function cloudOperationsPerAction() {
  const db = new MemoryWxDatabase();
  const h = sqliteHarness(new WxCloudStore(db));
  const id = await communityWithMembers(h);
  await h.ok('community', 'updateRules', { communityId: id, rules: { checkin: { streakDays: 1 } } }, { openid: 'o_owner' });
  const measure = async (name: string, run: () => Promise<unknown>, budget?: number) => {
    db.resetCounts();
    await run();
    const c = db.counts;
    const inTx = c.txReads + c.txWrites;
    const text = `${c.transactions} tx, ${inTx} doc ops in tx (${c.txReads}r/${c.txWrites}w), ${c.reads - c.txReads + c.writes - c.txWrites} outside, ${c.queries} queries`;
    report(`wxcloud ops: ${name}`, text, budget === undefined ? null : c.transactions <= 1 && inTx <= budget);
  };
  await measure('checkin.checkin (with streak bonus)', () => h.ok('checkin', 'checkin', { communityId: id }), 6);
  await measure('checkin.calendar', () => h.ok('checkin', 'calendar', { communityId: id, month: '2026-03' }));
  const { item } = await h.ok(
    'mall',
    'upsertItem',
    { communityId: id, item: { name: '券', kind: 'service', pointsPrice: 5, stock: 10 } },
    { openid: 'o_owner' },
  );
  await measure('mall.redeem', () => h.ok('mall', 'redeem', { communityId: id, itemId: item.id, requestId: 'bench-redeem-1' }), 6);
  await measure('points.me', () => h.ok('points', 'me', { communityId: id }));
  await measure('points.ledger', () => h.ok('points', 'ledger', { communityId: id }));
  // 7 since #23: the member's notice (points_adjusted) is written in the same transaction as the entry.
  await measure(
    'points.adjust',
    () =>
      h.ok(
        'points',
        'adjust',
        { communityId: id, openid: 'o_bob', delta: 5, reason: 'bench', requestId: 'bench-op-count' },
        { openid: 'o_owner' },
      ),
    7,
  );
  // Circulation (API.md): a gift writes both members and both entries; every backer writes the pool;
  // a points + cash redemption is the redemption's transaction, then one more keeping WeChat Pay's parameters.
  await h.ok(
    'points',
    'adjust',
    { communityId: id, openid: 'o_alice', delta: 600, reason: 'bench', requestId: 'bench-give-alice' },
    { openid: 'o_owner' },
  );
  await measure(
    'points.transfer',
    () => h.ok('points', 'transfer', { communityId: id, to: 'o_bob', amount: 10, requestId: 'bench-transfer-1' }),
    8,
  );
  const { pool } = await h.ok(
    'pools',
    'upsert',
    { communityId: id, pool: { name: '捐赠', goalPoints: 1000, endsAt: '2027-01-01T00:00:00Z' } },
    { openid: 'o_owner' },
  );
  await measure(
    'pools.contribute',
    () => h.ok('pools', 'contribute', { communityId: id, poolId: pool.id, points: 10, requestId: 'bench-back-1' }),
    9,
  );
  const { item: cashItem } = await h.ok(
    'mall',
    'upsertItem',
    { communityId: id, item: { name: '加钱购', kind: 'physical', pointsPrice: 5, cashPrice: 990, stock: 10 } },
    { openid: 'o_owner' },
  );
  const shipping = { name: '小美', phone: '13800000000', address: '上海市静安区某路 1 号' };
  await measure('mall.redeem (points + cash, 2 tx)', () =>
    h.ok('mall', 'redeem', { communityId: id, itemId: cashItem.id, requestId: 'bench-cash-1', shipping }),
  );
  let postId = '';
  await measure(
    'posts.create',
    async () => (postId = (await h.ok('posts', 'create', { communityId: id, body: STORIES[0] }, { openid: 'o_bob' })).post.id),
  );
  await measure('posts.review (approve)', () =>
    h.ok('posts', 'review', { communityId: id, postId, decision: 'approve' }, { openid: 'o_owner' }),
  );
  await measure('posts.like', () => h.ok('posts', 'like', { communityId: id, postId }));
  await measure('posts.list (feed)', () => h.ok('posts', 'list', { communityId: id }));
  await measure('posts.comment', () =>
    h.ok('posts', 'comment', { communityId: id, postId, body: '学到了，谢谢分享这么细的经验', requestId: 'bench-comment-1' }),
  );

  // API v3 (#24): a purchase is one transaction of at most 6 operations — the member read; the
  // entry, the member, the receipt and the audit line written; a pickup code redeems its order.
  await h.ok('community', 'updateRules', { communityId: id, rules: { purchase: { enabled: true } } }, { openid: 'o_owner' });
  const { code } = await h.ok('points', 'memberCode', { communityId: id });
  await measure(
    'points.purchase',
    () => h.ok('points', 'purchase', { communityId: id, code, amountFen: 9_900, requestId: 'bench-purchase-1' }, { openid: 'o_owner' }),
    6,
  );
  const [{ pickupCode }] = (await h.ok('mall', 'orders', { communityId: id })).orders.filter(
    (o: { pickupCode: string | null }) => o.pickupCode,
  );
  await measure('mall.verify (核销)', () => h.ok('mall', 'verify', { communityId: id, pickupCode }, { openid: 'o_owner' }), 6);
  // Attendance at the door for someone signed up: the event, the seat and the member read; the seat, the entry and the member written.
  const door = '2030-01-01T02:00:00Z';
  const { event } = await h.ok(
    'events',
    'upsert',
    { communityId: id, event: { title: '读书会', startsAt: '2030-01-01T02:30:00Z', endsAt: '2030-01-01T04:30:00Z', points: 10 } },
    { openid: 'o_owner', now: door },
  );
  await h.ok('events', 'signUp', { communityId: id, eventId: event.id, requestId: 'bench-sign-1' }, { openid: 'o_bob', now: door });
  const { code: bobCode } = await h.ok('points', 'memberCode', { communityId: id }, { openid: 'o_bob', now: door });
  await measure(
    'events.attend',
    () => h.ok('events', 'attend', { communityId: id, eventId: event.id, code: bobCode }, { openid: 'o_owner', now: door }),
    6,
  );

  // Engagement on: a first check-in that completes a task, earns a badge, is doubled and reaches a challenge.
  // API.md's budget: 5 operations plus one per extra entry (here the streak bonus, the task and the challenge).
  const day = (n: number) => `2026-06-0${n}T02:00:00Z`;
  const engaged = await communityWithMembers(h, day(1));
  const owner = { openid: 'o_owner', now: day(1) };
  await h.ok(
    'community',
    'updateRules',
    { communityId: engaged, rules: { checkin: { streakDays: 1 }, tasks: { firstCheckin: 10 } } },
    owner,
  );
  const window = { startsAt: day(1), endsAt: '2026-07-01T00:00:00Z' };
  await h.ok(
    'campaigns',
    'upsert',
    { communityId: engaged, campaign: { kind: 'multiplier', name: '双倍', actions: ['checkin'], multiplier: 2, ...window } },
    owner,
  );
  await h.ok(
    'campaigns',
    'upsert',
    { communityId: engaged, campaign: { kind: 'challenge', name: '一次', metric: 'checkins', target: 1, bonusPoints: 5, ...window } },
    owner,
  );
  await measure(
    'checkin.checkin (engagement: task, badge, campaign, challenge)',
    () => h.ok('checkin', 'checkin', { communityId: engaged }, { now: day(2) }),
    5 + 3,
  );
  await measure(
    'checkin.checkin (engagement on, an ordinary day)',
    () => h.ok('checkin', 'checkin', { communityId: engaged }, { now: day(3) }),
    5 + 1,
  );
  await measure(
    'checkin.makeUp',
    () => h.ok('checkin', 'makeUp', { communityId: engaged, day: '2026-06-01', requestId: 'bench-makeup-1' }, { now: day(3) }),
    6,
  );
  await measure('campaigns.list (member)', () => h.ok('campaigns', 'list', { communityId: engaged }, { now: day(3) }));
  await measure('points.leaderboard (with my rank)', () =>
    h.ok('points', 'leaderboard', { communityId: engaged, period: 'week' }, { now: day(3) }),
  );
  await measure('points.badges', () => h.ok('points', 'badges', { communityId: engaged }, { now: day(3) }));
}

async function expiryAtScale() {
  for (const [members, label, budgetMs] of [
    [25_000, '3 s timeout', DEFAULT_JOB_BUDGET_MS],
    [100_000, '60 s timeout', 50_000],
  ] as const) {
    const sqlite = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cp-bench-expiry-')), 'db.sqlite'));
    const { store, ops } = counting(sqlite);
    const h = sqliteHarness(store, undefined, { clock: () => ops() * 25, jobBudgetMs: budgetMs });
    const { community } = await h.ok('community', 'create', { name: '十万人群' }, { openid: 'o_owner', now: '2026-03-01T02:00:00Z' });
    const dueAt = '2026-03-10T16:00:00.000Z';
    for (let start = 0; start < members; start += 1000) {
      await sqlite.transaction(async (tx) => {
        for (let i = start; i < Math.min(members, start + 1000); i++) {
          const member = {
            ...newMember(community.id, `o_${i}`, 'member', new Date('2026-03-01T02:00:00Z')),
            balance: 5,
            earnedTotal: 5,
            lots: [{ expiresAt: dueAt, points: 5 }],
            nextExpiryAt: dueAt,
            seq: 1,
          };
          await tx.set('members', ids.member(community.id, member.openid), member);
        }
      });
    }
    const before = ops();
    const started = Date.now();
    let invocations = 0;
    let expired = 0;
    for (let more = true; more; invocations++) {
      const run = await h.ok('jobs', 'expirePoints', {}, { openid: null, source: 'wx_trigger', now: '2026-03-11T00:01:00Z' });
      expired += run.members;
      more = run.more;
    }
    const docOps = ops() - before;
    report(
      `expiry, ${members.toLocaleString('en')} due, ${label} (budget: a day)`,
      `${invocations} invocations (${Math.ceil(invocations / 60)} h of minutely triggers), ${docOps.toLocaleString('en')} doc ops, ${expired === members ? 'all expired' : `${expired} expired`} (${((Date.now() - started) / 1000).toFixed(0)} s here)`,
      expired === members && invocations <= 24 * 60,
    );
    await sqlite.close();
  }
}

/**
 * A broadcast to 100,000 members on the simulated cloud clock (25 ms a document operation, one
 * after another): the owner's call starts it, jobs.runBatches carries it in minutely 60 s
 * invocations (a 50 s budget). Every member told once, within a day of triggers.
 */
async function broadcastAtScale() {
  const members = Number(process.env.BENCH_BROADCAST_MEMBERS ?? 100_000);
  const sqlite = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cp-bench-broadcast-')), 'db.sqlite'));
  const { store, ops } = counting(sqlite);
  const h = sqliteHarness(store, undefined, { clock: () => ops() * 25, jobBudgetMs: 50_000 });
  const owner = { openid: 'o_owner', now: '2026-03-01T02:00:00Z' };
  const { community } = await h.ok('community', 'create', { name: '十万人群' }, owner);
  for (let start = 0; start < members; start += 1000) {
    await sqlite.transaction(async (tx) => {
      for (let i = start; i < Math.min(members, start + 1000); i++) {
        const member = newMember(
          community.id,
          `o_${String(i).padStart(6, '0')}`,
          'member',
          new Date(Date.parse('2026-03-01T00:00:00Z') + i),
        );
        await tx.set('members', ids.member(community.id, member.openid), member);
      }
    });
  }
  const before = ops();
  const started = Date.now();
  const { batch } = await h.ok(
    'notices',
    'broadcast',
    { communityId: community.id, title: '周年庆', body: '本周六全场积分兑换八折', requestId: 'bench-broadcast-1' },
    { ...owner, now: '2026-03-02T02:00:00Z' },
  );
  let invocations = 1;
  for (let status = batch.status; status === 'running'; invocations++) {
    await h.ok('jobs', 'runBatches', {}, { openid: null, source: 'wx_trigger', now: '2026-03-02T02:01:00Z' });
    status = (await h.ok('points', 'batch', { communityId: community.id, batchId: batch.id }, owner)).batch.status;
  }
  const done = (await h.ok('points', 'batch', { communityId: community.id, batchId: batch.id }, owner)).batch;
  const docOps = ops() - before;
  report(
    `broadcast to ${(members + 1).toLocaleString('en')} members, 60 s jobs (budget: a day)`,
    `${invocations} invocations (${Math.ceil(invocations / 60)} h of minutely triggers), ${docOps.toLocaleString('en')} doc ops (${(docOps / (members + 1)).toFixed(2)} a member), ${done.credited.toLocaleString('en')} told (${((Date.now() - started) / 1000).toFixed(0)} s here)`,
    done.credited === members + 1 && invocations <= 24 * 60,
  );
  await sqlite.close();
}

function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, e) => sum + (e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size),
    0,
  );
}

function sizes() {
  const weapp = join(ROOT, 'dist/weapp');
  if (!existsSync(weapp)) return report('weapp main package', 'not built (npm run build)', null);
  const packagesDir = join(weapp, 'packages');
  const subpackages = existsSync(packagesDir) ? readdirSync(packagesDir) : [];
  const main = dirSize(weapp) - dirSize(packagesDir);
  report('weapp main package (budget 1024 KB)', `${(main / 1024).toFixed(1)} KB`, main <= 1024 * 1024);
  for (const name of subpackages) {
    const size = dirSize(join(packagesDir, name));
    report(`weapp subpackage ${name} (budget 1024 KB)`, `${(size / 1024).toFixed(1)} KB`, size <= 1024 * 1024);
  }
  const functions = join(ROOT, 'dist/cloudfunctions');
  for (const name of existsSync(functions) ? readdirSync(functions) : []) {
    const size = statSync(join(functions, name, 'index.js')).size;
    report(`cloud function ${name} (budget 300 KB)`, `${(size / 1024).toFixed(1)} KB`, size <= 300 * 1024);
  }
}

async function main() {
  // `--ops`: only the cloud document operations per action (fast, deterministic).
  if (process.argv.includes('--ops')) {
    await cloudOperationsPerAction();
    return finish();
  }
  // `--broadcast`: only the 100,000-member broadcast on the simulated cloud clock.
  if (process.argv.includes('--broadcast')) {
    await broadcastAtScale();
    return finish();
  }
  if (process.argv.includes('--scale')) {
    console.log('bench --scale: 100,000 members, 5,000,000 entries, beside a 40-member community\n');
    await scaleBench(report);
    return finish();
  }
  console.log(`bench: ${CLIENTS} clients, ${SECONDS}s per run after ${WARMUP_SECONDS}s of warm-up, ${MEMBERS} members\n`);
  const raw = rawSqliteRate();
  report('raw SQLite tx/s (UPDATE + INSERT, WAL)', raw.toFixed(0));
  const bare = await bareHttpRate();
  report('bare Node HTTP server req/s', `${bare.ops.toFixed(0)}  p50 ${bare.p50.toFixed(2)} ms  p99 ${bare.p99.toFixed(2)} ms`);
  const mixed = await mixedWorkload();
  report(
    'mixed workload ops/s (target >= 2000)',
    `${mixed.ops.toFixed(0)}  (${mixed.count} ops, ${mixed.errors} refused)`,
    mixed.ops >= 2000,
  );
  report('mixed workload p50 / p99 (p99 target <= 25 ms)', `${mixed.p50.toFixed(2)} ms / ${mixed.p99.toFixed(2)} ms`, mixed.p99 <= 25);
  for (const { label, count, p50, p99 } of mixed.labels.sort((a, b) => a.label.localeCompare(b.label)))
    report(`  ${label}`, `p50 ${p50.toFixed(2)} ms  p99 ${p99.toFixed(2)} ms  (${count})`);
  const { warmup } = mixed;
  report(
    `  warm-up (first ${WARMUP_SECONDS}s, not counted)`,
    `p50 ${warmup.p50.toFixed(2)} ms  p99 ${warmup.p99.toFixed(2)} ms  (${warmup.count})`,
  );
  report('runtime / bare HTTP', `${((mixed.ops / bare.ops) * 100).toFixed(0)}%`);
  report('runtime ops / raw SQLite tx', `${((mixed.ops / raw) * 100).toFixed(0)}%`);
  // `--mixed`: the HTTP numbers only, for comparing one change.
  if (process.argv.includes('--mixed')) return finish();
  await cloudOperationsPerAction();
  await expiryAtScale();
  await broadcastAtScale();
  sizes();
  finish();
}

function finish() {
  agent.destroy();
  const missed = results.filter(([, , ok]) => ok === false);
  console.log(missed.length ? `\n${missed.length} budget(s) missed` : '\nall budgets met');
  process.exitCode = missed.length && process.env.BENCH_STRICT ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
