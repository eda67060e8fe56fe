import * as z from 'zod';
import { afterRun, dueJobs, JOB_NAMES, type JobName } from '../../core/jobSchedule';
import type { Caller, Deps } from '../kernel/context';
import { DEFAULT_JOB_BUDGET_MS } from './budget';
import { expirePoints } from './expirePoints';
import { expireUnpaid } from './expireUnpaid';
import { tickInput } from './inputs';
import { monthlyAwards } from './monthlyAwards';
import { reviewTiers } from './reviewTiers';
import { rollupStats } from './rollupStats';
import { settlePools } from './settlePools';
import { settleRefunds } from './settleRefunds';
import { runBatches } from './runBatches';
import { remind } from './remind';
import { remindEvents } from './remindEvents';

type Job = (input: Record<string, never>, caller: Caller, deps: Deps) => Promise<{ more: boolean }>;

export const JOBS: Record<JobName, Job> = {
  expireUnpaid,
  settleRefunds,
  runBatches,
  remind,
  remindEvents,
  expirePoints,
  settlePools,
  reviewTiers,
  monthlyAwards,
  rollupStats,
};

const SCHEDULE_ID = 'schedule';

/**
 * The one timer trigger (every minute) runs what is due (core/jobSchedule), in order, sharing
 * the invocation's time budget: a job starts only while time is left and gets what is left,
 * and a job not reached stays due for the next tick. Every job is resumable and settles each
 * item once, so a tick cut off, repeated or overlapping another changes nothing twice; the
 * schedule is written last, once.
 */
export async function tick(_input: z.output<typeof tickInput>, caller: Caller, deps: Deps, jobs: Record<JobName, Job> = JOBS) {
  const clock = deps.clock ?? Date.now;
  const deadline = clock() + (deps.jobBudgetMs ?? DEFAULT_JOB_BUDGET_MS);
  const stored = await deps.store.get('jobRuns', SCHEDULE_ID);
  const next = { ...stored?.next };
  const ran: Partial<Record<JobName, unknown>> = {};
  for (const job of dueJobs(next, caller.now)) {
    const left = deadline - clock();
    if (left <= 0) break;
    const result = await jobs[job]({}, caller, { ...deps, jobBudgetMs: left });
    ran[job] = result;
    next[job] = afterRun(job, caller.now, result.more);
  }
  await deps.store.transaction((tx) => tx.set('jobRuns', SCHEDULE_ID, { next, tickedAt: caller.now.toISOString() }));
  return { ran, waiting: JOB_NAMES.filter((job) => !(job in ran) && dueJobs(next, caller.now).includes(job)) };
}
