import type { Deps } from '../context';

/**
 * A cloud function is stopped at its timeout: 3 s unless raised (60 s at most). A job works
 * until its budget is spent and leaves the rest to the next trigger, so the default keeps a
 * second of the 3 s for a cold start and the transactions still in flight.
 */
export const DEFAULT_JOB_BUDGET_MS = 2000;

/** True while the invocation still has time for another page of work. */
export function timeLeft({ clock = Date.now, jobBudgetMs = DEFAULT_JOB_BUDGET_MS }: Pick<Deps, 'clock' | 'jobBudgetMs'>): () => boolean {
  const deadline = clock() + jobBudgetMs;
  return () => clock() < deadline;
}
