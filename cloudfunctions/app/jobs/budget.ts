import type { Deps } from '../kernel/context';

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

/**
 * What a job does with an item that fails (a conflict that ran out of retries, a document gone
 * wrong): logs it and leaves it for the next run, skipping it for the rest of this one, so one bad
 * item never spins a run nor stops the others. `attempt` answers `fallback` for a failed item.
 */
export function skipFailures(deps: Pick<Deps, 'log'>, job: string) {
  const skipped = new Set<string>();
  const attempt = async <T>(id: string, work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      deps.log?.(`${job}: ${id} left for the next run`, error);
      skipped.add(id);
      return fallback;
    }
  };
  return { skipped, attempt };
}
