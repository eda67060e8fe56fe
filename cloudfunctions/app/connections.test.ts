import { seedDemo, DEMO_COMMUNITY_ID } from '../local/seed';
import { localPlatform } from '../platform/local/platform';
import { MemoryWxDatabase } from '../store/testing/memoryWxDatabase';
import { WxCloudStore } from '../store/wxcloud/wxcloudStore';
import { JOB_NAMES } from '../core/jobSchedule';
import { sqliteHarness } from '../testing/harness';

/**
 * WeChat's basic plan allows an environment 20 database connections; a function instance keeps
 * to 10 calls in flight, whatever it does, so two busy instances never run the database out.
 * The double fails any call beyond 10 at once.
 */
const LIMIT = 10;
const NOW = '2026-11-25T04:00:00Z';

it(`no job, and no request of the everyday pages, has more than ${LIMIT} database calls in flight`, async () => {
  const db = new MemoryWxDatabase({ maxInFlight: LIMIT });
  const h = sqliteHarness(new WxCloudStore(db), localPlatform());
  await seedDemo(h.deps, new Date(NOW));
  // A first rollup catches up 90 days and every cohort; a tick runs every job.
  const later = new Date(Date.parse(NOW) + 40 * 86_400_000).toISOString();
  const ticked = await h.ok('jobs', 'tick', {}, { openid: null, source: 'wx_trigger', now: later });
  expect(Object.keys(ticked.ran).sort()).toEqual([...JOB_NAMES].sort());
  for (const [fn, action, params, openid] of [
    ['community', 'get', {}, 'demo_xiaomei'],
    ['points', 'me', {}, 'demo_xiaomei'],
    ['mall', 'items', {}, 'demo_xiaomei'],
    ['posts', 'list', {}, 'demo_xiaomei'],
    ['community', 'mine', {}, 'demo_xiaomei'],
    ['stats', 'overview', { days: 30 }, 'demo_owner'],
    ['community', 'members', {}, 'demo_owner'],
  ] as const) {
    const reply = await h.send(fn, { action, communityId: DEMO_COMMUNITY_ID, ...params }, { openid, now: later });
    expect({ fn, action, ok: reply.ok, error: reply.ok ? null : reply.error }).toEqual({ fn, action, ok: true, error: null });
  }
  expect(db.peakInFlight).toBeLessThanOrEqual(LIMIT);
  expect(db.peakInFlight).toBeGreaterThan(1);
});
