import { JOB_NAMES } from '../../core/jobSchedule';
import { eachStore, openStore, sqliteHarness, type Harness } from '../../testing/harness';
import { localPlatform } from '../../platform/local/platform';

/** jobs.tick, the one timer trigger: what is due runs, on both stores, and nothing twice. */
const trigger = (now: string) => ({ openid: null, source: 'wx_trigger', now });
const BEIJING_MIDNIGHT = '2026-02-28T16:00:00Z';
const later = (minutes: number) => new Date(Date.parse(BEIJING_MIDNIGHT) + minutes * 60_000).toISOString();

eachStore((open) => {
  let h: Harness;
  beforeEach(() => (h = open()));

  it('the first tick runs every job; the next ones only what is due; a repeated tick runs nothing again', async () => {
    const first = await h.ok('jobs', 'tick', {}, trigger(later(0)));
    expect(Object.keys(first.ran).sort()).toEqual([...JOB_NAMES].sort());
    expect(first.waiting).toEqual([]);
    expect(Object.keys((await h.ok('jobs', 'tick', {}, trigger(later(0)))).ran)).toEqual([]);
    expect(Object.keys((await h.ok('jobs', 'tick', {}, trigger(later(1)))).ran)).toEqual(['runBatches', 'remind', 'expirePoints']);
    // Ticks skipped (00:02–00:04): what waited longest goes first, the rest in schedule order.
    expect(Object.keys((await h.ok('jobs', 'tick', {}, trigger(later(5)))).ran)).toEqual([
      'runBatches',
      'remind',
      'expirePoints',
      'expireUnpaid',
      'settleRefunds',
    ]);
    expect(Object.keys((await h.ok('jobs', 'tick', {}, trigger(later(10)))).ran)).toEqual([
      'runBatches',
      'remind',
      'expirePoints',
      'expireUnpaid',
      'settleRefunds',
      'remindEvents',
      'settlePools',
      'reviewTiers',
    ]);
    expect(Object.keys((await h.ok('jobs', 'tick', {}, trigger(later(60)))).ran)).toEqual([
      'runBatches',
      'remind',
      'expirePoints',
      'expireUnpaid',
      'settleRefunds',
      'remindEvents',
      'settlePools',
      'monthlyAwards',
      'rollupStats',
    ]);
  });

  it('is a trigger: a member calling it is refused and nothing runs', async () => {
    expect(await h.call('jobs', 'tick', {}, { openid: 'o_alice', now: later(0) })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.store.get('jobRuns', 'schedule')).toBeNull();
  });
});

it('jobs share the tick budget: those not reached wait for the next tick, then run', async () => {
  let now = 0;
  // Every read of the clock is 400 ms later: a 1 s budget reaches only the first jobs.
  const h = sqliteHarness(openStore('sqlite'), localPlatform(), { clock: () => (now += 400), jobBudgetMs: 1000 });
  const first = await h.ok('jobs', 'tick', {}, trigger(later(0)));
  expect(first.waiting.length).toBeGreaterThan(0);
  expect(Object.keys(first.ran).length + first.waiting.length).toBe(JOB_NAMES.length);
  const ranSoFar = new Set(Object.keys(first.ran));
  for (let minute = 1; minute < 10 && ranSoFar.size < JOB_NAMES.length; minute++) {
    for (const job of Object.keys((await h.ok('jobs', 'tick', {}, trigger(later(minute)))).ran)) ranSoFar.add(job);
  }
  expect([...ranSoFar].sort()).toEqual([...JOB_NAMES].sort());
});
