import type { DeployPlan, FunctionPlan, IndexPlan, Trigger } from './plan';

/** What an environment has of a function: enough to tell whether it is already right. */
export interface DeployedFunction {
  runtime: string;
  timeoutSeconds: number;
  environment: Record<string, string>;
}

/**
 * The WeChat environment and mini-program, as far as a deploy sees them: the port between the
 * plan and miniprogram-ci (wechat.ts), and a double in tests. Each method is one thing a person
 * would otherwise do in the console or DevTools.
 */
export interface DeployTarget {
  collections(): Promise<string[]>;
  createCollection(name: string): Promise<void>;
  indexes(collection: string): Promise<IndexPlan[]>;
  createIndexes(collection: string, indexes: IndexPlan[]): Promise<void>;
  /** The collection's custom security rule, as JSON text (null: a preset rule, or none). */
  securityRule(collection: string): Promise<string | null>;
  setSecurityRule(collection: string, rule: string): Promise<void>;
  /** Null: the environment has no such function yet. */
  deployedFunction(name: string): Promise<DeployedFunction | null>;
  uploadFunction(fn: FunctionPlan): Promise<void>;
  configureFunction(name: string, config: DeployedFunction): Promise<void>;
  /** Replaces the function's timer triggers with these (WeChat's "upload triggers"). */
  setTriggers(name: string, triggers: Trigger[]): Promise<void>;
  /** The code digest of the last mini-program version this deploy uploaded, if any. */
  uploadedMiniProgram(): Promise<string | null>;
  uploadMiniProgram(miniprogram: DeployPlan['miniprogram']): Promise<void>;
}

const sameEnvironment = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
const sameFields = (a: IndexPlan, b: IndexPlan) => JSON.stringify(a.fields) === JSON.stringify(b.fields);
const sameRule = (current: string | null, wanted: string) => {
  try {
    return current !== null && JSON.stringify(JSON.parse(current)) === wanted;
  } catch {
    return false;
  }
};

/**
 * Makes the environment match the plan, saying each thing it did; what is already right is
 * left alone, so a second run changes nothing. Order matters: collections and indexes before
 * the functions that query them, functions before their triggers, the mini-program last (it
 * calls them). An index of the same name with other fields is reported, never dropped: dropping
 * one under traffic is a person's decision.
 */
export async function applyPlan(plan: DeployPlan, target: DeployTarget, say: (line: string) => void): Promise<{ changed: number; problems: string[] }> {
  let changed = 0;
  const problems: string[] = [];
  const did = (line: string) => {
    changed++;
    say(`  ✓ ${line}`);
  };

  say('Database');
  const existing = new Set(await target.collections());
  for (const collection of plan.collections) {
    if (!existing.has(collection.name)) {
      await target.createCollection(collection.name);
      did(`created collection ${collection.name}`);
    }
    const present = existing.has(collection.name) ? await target.indexes(collection.name) : [];
    const missing = collection.indexes.filter((index) => !present.some((p) => p.name === index.name));
    for (const index of collection.indexes) {
      const other = present.find((p) => p.name === index.name && !sameFields(p, index));
      if (other) problems.push(`${collection.name}.${index.name} exists with other fields (${JSON.stringify(other.fields)}); drop it in the console, then deploy again`);
    }
    if (missing.length) {
      await target.createIndexes(collection.name, missing);
      did(`${collection.name}: created ${missing.map((index) => index.name).join(', ')}`);
    }
    const rule = existing.has(collection.name) ? await target.securityRule(collection.name) : null;
    if (!sameRule(rule, collection.rule)) {
      await target.setSecurityRule(collection.name, collection.rule);
      did(`${collection.name}: security rule ${collection.rule}`);
    }
  }

  say('Cloud functions');
  for (const fn of plan.functions) {
    const deployed = await target.deployedFunction(fn.name);
    const wanted: DeployedFunction = { runtime: fn.runtime, timeoutSeconds: fn.timeoutSeconds, environment: fn.environment };
    // The code digest is written with the configuration, last: a deploy cut off before it uploads again next time.
    if (!deployed || deployed.environment.DEPLOYED_CODE_SHA !== fn.codeSha) {
      await target.uploadFunction(fn);
      did(`uploaded ${fn.name} (${Math.round(fn.bytes / 1024)} KB, ${fn.codeSha})`);
      // Triggers live in config.json, inside the digest: they change only with it.
      if (fn.triggers.length) {
        await target.setTriggers(fn.name, fn.triggers);
        did(`${fn.name}: timer trigger ${fn.triggers.map((t) => `${t.name} "${t.config}"`).join(', ')}`);
      }
    }
    if (!deployed || deployed.runtime !== wanted.runtime || deployed.timeoutSeconds !== wanted.timeoutSeconds || !sameEnvironment(deployed.environment, wanted.environment)) {
      await target.configureFunction(fn.name, wanted);
      did(`configured ${fn.name}: ${fn.runtime}, ${fn.timeoutSeconds} s, ${Object.keys(fn.environment).join(' ')}`);
    }
  }

  say('Mini-program');
  if ((await target.uploadedMiniProgram()) !== plan.miniprogram.codeSha) {
    await target.uploadMiniProgram(plan.miniprogram);
    did(`uploaded version ${plan.miniprogram.version} "${plan.miniprogram.description}" (${plan.miniprogram.codeSha})`);
  }

  if (!changed) say('  nothing to change: the environment already matches');
  return { changed, problems };
}

/** The plan in words, for --dry-run: everything a deploy would make sure of, and nothing asked of WeChat. */
export function describePlan(plan: DeployPlan, envId: string): string[] {
  const lines = [`Environment ${envId}`, 'Database'];
  for (const c of plan.collections) lines.push(`  collection ${c.name} ${c.rule}${c.indexes.length ? `: ${c.indexes.map((i) => `${i.name}(${i.fields.map(([f, d]) => `${f} ${d}`).join(', ')})`).join('; ')}` : ''}`);
  lines.push('Cloud functions');
  for (const fn of plan.functions) {
    lines.push(`  ${fn.name}: ${Math.round(fn.bytes / 1024)} KB (${fn.codeSha}), ${fn.runtime}, ${fn.timeoutSeconds} s, openapi [${fn.permissions.join(', ')}], environment ${Object.keys(fn.environment).join(' ')}`);
    for (const t of fn.triggers) lines.push(`    timer trigger ${t.name} "${t.config}"`);
  }
  const subscriptions = Object.keys(plan.miniprogram.subscriptions);
  lines.push('Mini-program', `  version ${plan.miniprogram.version} "${plan.miniprogram.description}" (${plan.miniprogram.codeSha || 'not built'}); subscriptions: ${subscriptions.length ? subscriptions.join(', ') : 'none configured'}`);
  return lines;
}
