import { ENVIRONMENT_BYTES, RUNTIME, type DeployPlan } from './plan';

/** A bundle's budget (the build's size report says the same): WeChat takes up to 50 MB, a cold start wants far less. */
export const FUNCTION_BUDGET_BYTES = 300 * 1024;
/** WeChat's cron for timer triggers: seven fields, second to year. */
const CRON = /^\S+( \S+){6}$/;

/**
 * What WeChat enforces, checked on the plan before anything is uploaded: each rule a line of
 * WeChat's documents (TOOLING.md: "Deploying to WeChat"). Answers the problems; none means go.
 */
export function wechatProblems(plan: DeployPlan): string[] {
  const problems: string[] = [];
  for (const fn of plan.functions) {
    // config.json: "目前仅支持一个触发器".
    if (fn.triggers.length > 1) problems.push(`${fn.name}: ${fn.triggers.length} timer triggers; WeChat takes one per function`);
    for (const trigger of fn.triggers) {
      if (trigger.type !== 'timer' || !CRON.test(trigger.config)) problems.push(`${fn.name}: trigger ${trigger.name} is not a seven-field timer cron`);
    }
    if (!Number.isInteger(fn.timeoutSeconds) || fn.timeoutSeconds < 1 || fn.timeoutSeconds > 60) problems.push(`${fn.name}: timeout ${fn.timeoutSeconds}s is outside WeChat's 1–60 s`);
    if (fn.runtime !== RUNTIME) problems.push(`${fn.name}: runtime ${fn.runtime}, the bundles are built for ${RUNTIME}`);
    if (fn.bytes > FUNCTION_BUDGET_BYTES) problems.push(`${fn.name}: bundle ${Math.round(fn.bytes / 1024)} KB over its ${FUNCTION_BUDGET_BYTES / 1024} KB budget`);
    const environmentBytes = Object.entries(fn.environment).reduce((sum, [key, value]) => sum + Buffer.byteLength(`${key}=${value}`), 0);
    if (environmentBytes > ENVIRONMENT_BYTES) problems.push(`${fn.name}: environment of ${environmentBytes} bytes, over WeChat's ${ENVIRONMENT_BYTES}`);
    const budget = Number(fn.environment.JOB_BUDGET_MS);
    if (budget && budget > (fn.timeoutSeconds - 5) * 1000) problems.push(`${fn.name}: JOB_BUDGET_MS ${budget} leaves under 5 s of its ${fn.timeoutSeconds} s timeout`);
  }
  for (const collection of plan.collections) {
    const names = collection.indexes.map((index) => index.name);
    if (new Set(names).size !== names.length) problems.push(`${collection.name}: two indexes share a name`);
    for (const index of collection.indexes) if (!index.fields.length) problems.push(`${collection.name}.${index.name}: an index with no fields`);
  }
  if (!plan.functions.some((fn) => fn.name === 'payNotify')) problems.push('payNotify is missing: WeChat Pay calls it with every payment and refund result');
  return problems;
}
