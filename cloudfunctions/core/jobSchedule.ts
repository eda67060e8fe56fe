/**
 * When each job is due. WeChat gives a cloud function one timer trigger, so the `jobs` function
 * is woken every minute and asks this schedule what to run. A job's next run is kept after each
 * run: a tick the platform skipped is caught up on the next one, and a job that stopped on its
 * time budget with work left (`more`) goes on at the next minute instead of waiting for its slot.
 */

/** China keeps UTC+8 all year: daily times are Beijing time, as WeChat reads a cron. */
const BEIJING_MS = 8 * 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type Cadence = { everyMinutes: number } | { dailyAt: { hour: number; minute: number } };

/** The jobs, in the order a tick runs those due together: money first, the heaviest (stats) last. */
export const JOB_SCHEDULE = {
  expireUnpaid: { everyMinutes: 5 },
  settleRefunds: { everyMinutes: 5 },
  runBatches: { everyMinutes: 1 },
  remind: { everyMinutes: 1 },
  remindEvents: { everyMinutes: 10 },
  expirePoints: { everyMinutes: 1 },
  settlePools: { everyMinutes: 10 },
  reviewTiers: { dailyAt: { hour: 0, minute: 10 } },
  monthlyAwards: { dailyAt: { hour: 0, minute: 20 } },
  rollupStats: { everyMinutes: 60 },
} as const satisfies Record<string, Cadence>;

export type JobName = keyof typeof JOB_SCHEDULE;
export const JOB_NAMES = Object.keys(JOB_SCHEDULE) as JobName[];

/** The first slot of a cadence strictly after `after`. */
export function nextSlot(cadence: Cadence, after: Date): Date {
  const at = after.getTime();
  if ('everyMinutes' in cadence) {
    const period = cadence.everyMinutes * MINUTE_MS;
    // Slots on whole multiples of the period, in Beijing time (hourly: on the hour).
    return new Date(Math.floor((at + BEIJING_MS) / period) * period + period - BEIJING_MS);
  }
  const offset = (cadence.dailyAt.hour * 60 + cadence.dailyAt.minute) * MINUTE_MS;
  const today = Math.floor((at + BEIJING_MS) / DAY_MS) * DAY_MS - BEIJING_MS + offset;
  return new Date(today > at ? today : today + DAY_MS);
}

/** Each job's next run (ISO); a job not listed yet (a first deploy, a new job) is due at once. */
export type JobTimes = Partial<Record<JobName, string>>;

/**
 * The jobs due at `now`, longest waiting first (ties in schedule order): when one tick cannot
 * run them all, a busy frequent job (expiry on a heavy day) cannot keep starving the others.
 */
export function dueJobs(next: JobTimes, now: Date): JobName[] {
  const dueAt = (job: JobName) => (next[job] ? Date.parse(next[job]!) : -Infinity);
  return JOB_NAMES.filter((job) => dueAt(job) <= now.getTime()).sort((a, b) => dueAt(a) - dueAt(b));
}

/** After a run: with work left, due again at the next tick; otherwise at its next slot. */
export function afterRun(job: JobName, now: Date, more: boolean): string {
  return more ? now.toISOString() : nextSlot(JOB_SCHEDULE[job], now).toISOString();
}
