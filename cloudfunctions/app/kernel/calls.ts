/**
 * At most this many database calls in flight from one invocation: WeChat's basic plan gives an
 * environment 20 connections, so two busy instances of a function never run it out.
 */
export const MAX_CALLS_IN_FLIGHT = 10;

/** Runs the tasks with at most `limit` under way at once; the answers keep the tasks' order. */
export async function allLimited<T>(tasks: ReadonlyArray<() => Promise<T>>, limit = MAX_CALLS_IN_FLIGHT): Promise<T[]> {
  const answers = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      answers[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return answers;
}
