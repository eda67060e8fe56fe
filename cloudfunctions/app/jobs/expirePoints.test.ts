import { MemoryWxDatabase, simulatedCloudClock } from '../../store/testing/memoryWxDatabase';
import { WxCloudStore } from '../../store/wxcloud/wxcloudStore';
import { localPlatform } from '../../platform/local/platform';
import { sqliteHarness } from '../../testing/harness';
import { DEFAULT_JOB_BUDGET_MS } from './budget';

/**
 * More members due on one day than one 3-second invocation can settle, on the cloud double with
 * a simulated time budget: each invocation stops in time, the next trigger resumes, and nobody
 * is left behind.
 */
const MEMBERS = 300;
const DAY1 = '2026-03-01T02:00:00Z';
const DUE = '2026-03-11T00:05:00Z';

it('expires everyone due across bounded invocations, each inside its budget', async () => {
  const db = new MemoryWxDatabase();
  const clock = simulatedCloudClock(db);
  const h = sqliteHarness(new WxCloudStore(db), localPlatform(), { clock });
  const { community } = await h.ok('community', 'create', { name: '大群' }, { openid: 'o_owner', now: DAY1 });
  await h.ok('community', 'updateRules', { communityId: community.id, rules: { expiry: { days: 10 } } }, { openid: 'o_owner', now: DAY1 });
  const members = Array.from({ length: MEMBERS }, (_, i) => `o_m${i}`);
  for (const openid of members) {
    await h.ok('community', 'join', { communityId: community.id }, { openid, now: DAY1 });
    await h.ok('checkin', 'checkin', { communityId: community.id }, { openid, now: DAY1 });
  }

  const runs: Array<{ expiredPoints: number; members: number; more: boolean; elapsedMs: number }> = [];
  for (let more = true; more && runs.length < 100;) {
    const started = clock();
    const run = await h.ok('jobs', 'expirePoints', {}, { openid: null, source: 'wx_trigger', now: DUE });
    runs.push({ ...run, elapsedMs: clock() - started });
    more = run.more;
  }

  expect(runs.length).toBeGreaterThan(2);
  // A run stops when its budget is spent, finishing only the page of transactions in flight.
  for (const run of runs) expect(run.elapsedMs).toBeLessThan(DEFAULT_JOB_BUDGET_MS + 1000);
  expect(runs.reduce((sum, run) => sum + run.members, 0)).toBe(MEMBERS);
  expect(runs.reduce((sum, run) => sum + run.expiredPoints, 0)).toBe(MEMBERS * 5);
  expect(runs.at(-1)).toMatchObject({ more: false });
  for (const openid of members.filter((_, i) => i % 37 === 0)) {
    expect(await h.ok('points', 'me', { communityId: community.id }, { openid, now: DUE })).toMatchObject({ balance: 0, earnedTotal: 5 });
  }
});
