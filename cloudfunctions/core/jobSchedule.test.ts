import { afterRun, dueJobs, JOB_NAMES, nextSlot, type JobName, type JobTimes } from './jobSchedule';

const at = (iso: string) => new Date(iso);

describe('nextSlot', () => {
  it('every n minutes: the next whole multiple, strictly after', () => {
    expect(nextSlot({ everyMinutes: 5 }, at('2026-03-01T02:03:10Z')).toISOString()).toBe('2026-03-01T02:05:00.000Z');
    expect(nextSlot({ everyMinutes: 5 }, at('2026-03-01T02:05:00Z')).toISOString()).toBe('2026-03-01T02:10:00.000Z');
    expect(nextSlot({ everyMinutes: 60 }, at('2026-03-01T02:59:59Z')).toISOString()).toBe('2026-03-01T03:00:00.000Z');
  });

  it('daily: Beijing time, today if still ahead, else tomorrow', () => {
    // 00:10 Beijing is 16:10 UTC the day before.
    expect(nextSlot({ dailyAt: { hour: 0, minute: 10 } }, at('2026-03-01T16:00:00Z')).toISOString()).toBe('2026-03-01T16:10:00.000Z');
    expect(nextSlot({ dailyAt: { hour: 0, minute: 10 } }, at('2026-03-01T16:10:00Z')).toISOString()).toBe('2026-03-02T16:10:00.000Z');
    expect(nextSlot({ dailyAt: { hour: 0, minute: 10 } }, at('2026-03-01T02:00:00Z')).toISOString()).toBe('2026-03-01T16:10:00.000Z');
  });
});

/** Two days of a tick every minute, each job "running" when due and finishing. */
function simulate(
  from: string,
  minutes: number,
  skip: (minute: number) => boolean = () => false,
  more: (job: JobName, minute: number) => boolean = () => false,
) {
  const runs: Record<JobName, string[]> = Object.fromEntries(JOB_NAMES.map((job) => [job, []])) as never;
  let next: JobTimes = {};
  for (let minute = 0; minute < minutes; minute++) {
    if (skip(minute)) continue;
    const now = new Date(Date.parse(from) + minute * 60_000);
    for (const job of dueJobs(next, now)) {
      runs[job].push(now.toISOString());
      next = { ...next, [job]: afterRun(job, now, more(job, minute)) };
    }
  }
  return runs;
}

describe('a tick every minute runs every job on its schedule', () => {
  // From 00:00 Beijing (16:00 UTC), two days.
  const runs = simulate('2026-02-28T16:00:00Z', 2 * 1440);

  it('each job as often as its cadence says', () => {
    expect(runs.expirePoints).toHaveLength(2 * 1440);
    expect(runs.runBatches).toHaveLength(2 * 1440);
    expect(runs.remind).toHaveLength(2 * 1440);
    expect(runs.expireUnpaid).toHaveLength(2 * 288);
    expect(runs.settleRefunds).toHaveLength(2 * 288);
    expect(runs.settlePools).toHaveLength(2 * 144);
    expect(runs.rollupStats).toHaveLength(2 * 24);
    // First tick after deploy runs everything once, then daily at its time.
    expect(runs.reviewTiers).toEqual(['2026-02-28T16:00:00.000Z', '2026-02-28T16:10:00.000Z', '2026-03-01T16:10:00.000Z']);
    expect(runs.monthlyAwards).toEqual(['2026-02-28T16:00:00.000Z', '2026-02-28T16:20:00.000Z', '2026-03-01T16:20:00.000Z']);
    expect(runs.expireUnpaid.every((iso) => new Date(iso).getUTCMinutes() % 5 === 0)).toBe(true);
    expect(runs.rollupStats.every((iso) => new Date(iso).getUTCMinutes() === 0)).toBe(true);
  });

  it('skipped ticks are caught up by the next one; a job with work left goes on the next minute', () => {
    // The platform misses 00:05–00:25 Beijing: the daily jobs run at the first tick after.
    const missed = simulate('2026-02-28T16:00:00Z', 60, (minute) => minute >= 5 && minute <= 25);
    expect(missed.reviewTiers).toEqual(['2026-02-28T16:00:00.000Z', '2026-02-28T16:26:00.000Z']);
    expect(missed.monthlyAwards).toEqual(['2026-02-28T16:00:00.000Z', '2026-02-28T16:26:00.000Z']);
    const continued = simulate(
      '2026-02-28T16:00:00Z',
      10,
      () => false,
      (job, minute) => job === 'rollupStats' && minute < 3,
    );
    expect(continued.rollupStats).toEqual([
      '2026-02-28T16:00:00.000Z',
      '2026-02-28T16:01:00.000Z',
      '2026-02-28T16:02:00.000Z',
      '2026-02-28T16:03:00.000Z',
    ]);
  });
});
