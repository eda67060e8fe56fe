import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * What one deploy puts into a WeChat environment, read from the repository and the build: every
 * cloud function with its timeout, runtime, environment and timer trigger; every collection with
 * its indexes; the mini-program version. Pure data: `apply.ts` makes an environment match it,
 * `rules.ts` checks it against what WeChat enforces before anything is uploaded.
 */

/** The newest Node WeChat's cloud functions offer (TOOLING.md); the bundles are built for it. */
export const RUNTIME = 'Nodejs16.13';
/** WeChat's cap on a function's environment variables, all together (bytes of KEY=value). */
export const ENVIRONMENT_BYTES = 4096;

export interface Trigger {
  name: string;
  type: string;
  config: string;
}

export interface FunctionPlan {
  name: string;
  /** The bundle's folder (index.js, package.json, config.json). */
  dir: string;
  /** Of the bundle's files: kept on the function (DEPLOYED_CODE_SHA) so an unchanged one is not uploaded again. */
  codeSha: string;
  bytes: number;
  timeoutSeconds: number;
  runtime: string;
  environment: Record<string, string>;
  permissions: string[];
  triggers: Trigger[];
}

export interface IndexPlan {
  name: string;
  fields: Array<[field: string, direction: 'asc' | 'desc']>;
}

export interface CollectionPlan {
  name: string;
  indexes: IndexPlan[];
  /** The custom security rule (安全规则): what a client may read directly; nothing is writable but through functions. */
  rule: string;
}

export interface DeployPlan {
  functions: FunctionPlan[];
  collections: CollectionPlan[];
  miniprogram: { dir: string; version: string; description: string; codeSha: string; subscriptions: Record<string, string> };
}

export interface Settings {
  functions: { timeoutSeconds: Record<string, number>; jobBudgetMs: number };
  communityCreators: { openids: string[] };
  pay: { subMchId: string };
  subscriptions: Record<string, { id: string; fields: Record<string, string> }>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** A digest of every file under `dir`, by path: the same tree gives the same digest. */
export function treeSha(dir: string): string {
  const hash = createHash('sha256');
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(dir, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 16);
}

/** The subscription templates that are configured, by purpose. */
export const configuredTemplates = (settings: Settings) => Object.fromEntries(Object.entries(settings.subscriptions).filter(([key, t]) => !key.startsWith('$') && t.id.trim()));

/**
 * The environment a function runs with, from what it declares: the merchant for a function
 * that calls cloudPay, the templates of the purposes it sends, who may create communities for
 * `community`, the time budget for `jobs`.
 */
export function environmentOf(name: string, config: { permissions: { openapi: string[] }; sends?: string[] }, settings: Settings, codeSha: string): Record<string, string> {
  const templates = configuredTemplates(settings);
  const sends = Object.fromEntries((config.sends ?? []).filter((purpose) => templates[purpose]).map((purpose) => [purpose, templates[purpose]]));
  return {
    DEPLOYED_CODE_SHA: codeSha,
    ...(config.permissions.openapi.some((api) => api.startsWith('cloudPay.')) && settings.pay.subMchId ? { WX_PAY_SUB_MCH_ID: settings.pay.subMchId } : {}),
    ...(Object.keys(sends).length ? { SUBSCRIPTION_TEMPLATES: JSON.stringify(sends) } : {}),
    ...(name === 'community' && settings.communityCreators.openids.length ? { COMMUNITY_CREATORS: settings.communityCreators.openids.join(',') } : {}),
    ...(name === 'jobs' ? { JOB_BUDGET_MS: String(settings.functions.jobBudgetMs) } : {}),
  };
}

/** The plan for this repository's build (`root`: the project; the build must have run). */
export function planDeploy(root: string, settings: Settings, description: string): DeployPlan {
  const built = join(root, 'dist/cloudfunctions');
  const functions = readdirSync(built)
    .filter((name) => statSync(join(built, name)).isDirectory())
    .sort()
    .map((name): FunctionPlan => {
      const dir = join(built, name);
      const config = readJson<{ permissions: { openapi: string[] }; triggers?: Trigger[] }>(join(dir, 'config.json'));
      const source = readJson<{ permissions: { openapi: string[] }; sends?: string[] }>(join(root, 'cloudfunctions/functions', name, 'config.json'));
      const codeSha = treeSha(dir);
      return {
        name,
        dir,
        codeSha,
        bytes: statSync(join(dir, 'index.js')).size,
        timeoutSeconds: settings.functions.timeoutSeconds[name] ?? settings.functions.timeoutSeconds.default,
        runtime: RUNTIME,
        environment: environmentOf(name, source, settings, codeSha),
        permissions: config.permissions.openapi,
        triggers: config.triggers ?? [],
      };
    });
  const spec = readJson<{ collections: Array<{ name: string; indexes: IndexPlan[]; security: { read: string | false; write: false } }> }>(join(root, 'database/collections.json'));
  const weapp = join(root, 'dist/weapp');
  const version = readJson<{ version: string }>(join(root, 'package.json')).version;
  return {
    functions,
    collections: spec.collections.map(({ name, indexes, security }) => ({ name, indexes, rule: JSON.stringify({ read: security.read, write: security.write }) })),
    miniprogram: {
      dir: weapp,
      version,
      description,
      codeSha: existsSync(weapp) ? treeSha(weapp) : '',
      subscriptions: Object.fromEntries(Object.entries(configuredTemplates(settings)).map(([purpose, template]) => [purpose, template.id])),
    },
  };
}
