import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyPlan, type DeployedFunction, type DeployTarget } from '../../scripts/deploy/apply';
import { planDeploy, type DeployPlan, type FunctionPlan, type IndexPlan, type Settings, type Trigger } from '../../scripts/deploy/plan';
import { wechatProblems } from '../../scripts/deploy/rules';

/** `npm run deploy`: the plan from the repository and the build, WeChat's rules, and an environment made to match, twice. */
const root = resolve(__dirname, '../..');
const defaults = JSON.parse(readFileSync(resolve(root, 'deploy/settings.json'), 'utf8')) as Settings;
const configured: Settings = {
  ...defaults,
  communityCreators: { openids: ['o_boss', 'o_ops'] },
  pay: { subMchId: '1900000109' },
  subscriptions: { ...defaults.subscriptions, reviewResult: { ...defaults.subscriptions.reviewResult, id: 'tmpl-review' }, orderUpdate: { ...defaults.subscriptions.orderUpdate, id: 'tmpl-order' } },
};

/** A WeChat environment in memory: what the console would show, and every change asked of it. */
function memoryEnvironment() {
  const collections = new Map<string, IndexPlan[]>();
  const rules = new Map<string, string>();
  const functions = new Map<string, DeployedFunction & { codeSha: string | null }>();
  const triggers = new Map<string, Trigger[]>();
  const calls: string[] = [];
  let miniprogram: string | null = null;
  let failAfter = Infinity;
  const call = (what: string) => {
    if (calls.length >= failAfter) throw new Error('connection reset');
    calls.push(what);
  };
  const target: DeployTarget = {
    collections: async () => [...collections.keys()],
    createCollection: async (name) => (call(`collection ${name}`), void collections.set(name, [])),
    indexes: async (name) => collections.get(name) ?? [],
    createIndexes: async (name, indexes) => (call(`indexes ${name}`), void collections.set(name, [...(collections.get(name) ?? []), ...indexes])),
    securityRule: async (name) => rules.get(name) ?? null,
    setSecurityRule: async (name, rule) => (call(`rule ${name}`), void rules.set(name, rule)),
    deployedFunction: async (name) => {
      const fn = functions.get(name);
      return fn ? { runtime: fn.runtime, timeoutSeconds: fn.timeoutSeconds, environment: fn.environment } : null;
    },
    uploadFunction: async (fn: FunctionPlan) => {
      call(`upload ${fn.name}`);
      // A new function starts as WeChat makes one: an old runtime, 3 s, no environment.
      functions.set(fn.name, { ...(functions.get(fn.name) ?? { runtime: 'Nodejs8.9', timeoutSeconds: 3, environment: {} }), codeSha: fn.codeSha });
    },
    configureFunction: async (name, config) => (call(`configure ${name}`), void functions.set(name, { ...functions.get(name)!, ...config })),
    setTriggers: async (name, list) => (call(`triggers ${name}`), void triggers.set(name, list)),
    uploadedMiniProgram: async () => miniprogram,
    uploadMiniProgram: async (m) => (call(`miniprogram ${m.version}`), void (miniprogram = m.codeSha)),
  };
  return { target, collections, rules, functions, triggers, calls, failAt: (n: number) => (failAfter = n) };
}

const quiet = () => undefined;

describe('the deploy plan', () => {
  const plan = planDeploy(root, configured, '社群积分 test');

  it('has every function, collection and index, one trigger (the tick) and the newest runtime', () => {
    const sources = readFileSync(resolve(root, 'database/collections.json'), 'utf8');
    expect(plan.collections.map((c) => c.name)).toEqual((JSON.parse(sources).collections as Array<{ name: string }>).map((c) => c.name));
    expect(plan.collections.reduce((sum, c) => sum + c.indexes.length, 0)).toBeGreaterThan(40);
    expect(plan.functions.map((fn) => fn.name)).toEqual(expect.arrayContaining(['checkin', 'community', 'jobs', 'mall', 'payNotify']));
    expect(plan.functions.flatMap((fn) => fn.triggers.map((t) => `${fn.name}.${t.name}`))).toEqual(['jobs.tick']);
    expect(new Set(plan.functions.map((fn) => fn.runtime))).toEqual(new Set(['Nodejs16.13']));
    expect(wechatProblems(plan)).toEqual([]);
  });

  it('gives each function only what it uses: the merchant to cloudPay callers, its own templates, creators to community', () => {
    const env = (name: string) => plan.functions.find((fn) => fn.name === name)!.environment;
    expect(plan.functions.filter((fn) => fn.environment.WX_PAY_SUB_MCH_ID).map((fn) => fn.name).sort()).toEqual(['jobs', 'mall', 'payNotify']);
    expect(JSON.parse(env('mall').SUBSCRIPTION_TEMPLATES)).toEqual({ orderUpdate: configured.subscriptions.orderUpdate });
    expect(JSON.parse(env('posts').SUBSCRIPTION_TEMPLATES)).toEqual({ reviewResult: configured.subscriptions.reviewResult });
    // pointsChanged has no template: checkin sends nothing outside the app and is given nothing.
    expect(env('checkin').SUBSCRIPTION_TEMPLATES).toBeUndefined();
    expect(env('community').COMMUNITY_CREATORS).toBe('o_boss,o_ops');
    expect(env('jobs').JOB_BUDGET_MS).toBe('50000');
    expect(plan.miniprogram.subscriptions).toEqual({ reviewResult: 'tmpl-review', orderUpdate: 'tmpl-order' });
  });

  it("refuses what WeChat would: six triggers on one function, a timeout past 60 s, a budget eating the timeout, an oversized environment", () => {
    const jobs = plan.functions.find((fn) => fn.name === 'jobs')!;
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `job${i}`, type: 'timer', config: '0 * * * * * *' }));
    const broken: DeployPlan = {
      ...plan,
      functions: [
        { ...jobs, triggers: six },
        { ...jobs, name: 'slow', timeoutSeconds: 90 },
        { ...jobs, name: 'tight', timeoutSeconds: 20 },
        { ...jobs, name: 'heavy', environment: { SUBSCRIPTION_TEMPLATES: 'x'.repeat(5000) } },
        { ...jobs, name: 'old', runtime: 'Nodejs8.9' },
      ],
    };
    const problems = wechatProblems(broken).join('\n');
    expect(problems).toContain('jobs: 6 timer triggers; WeChat takes one per function');
    expect(problems).toContain("slow: timeout 90s is outside WeChat's 1–60 s");
    expect(problems).toContain('tight: JOB_BUDGET_MS 50000 leaves under 5 s');
    expect(problems).toContain('heavy: environment of');
    expect(problems).toContain('old: runtime Nodejs8.9');
    expect(problems).toContain('payNotify is missing');
  });
});

describe('applying the plan', () => {
  const plan = planDeploy(root, configured, '社群积分 test');

  it('does everything once; a second run changes nothing', async () => {
    const env = memoryEnvironment();
    const first = await applyPlan(plan, env.target, quiet);
    expect(first.problems).toEqual([]);
    expect(env.collections.size).toBe(plan.collections.length);
    expect([...env.collections.values()].flat().length).toBe(plan.collections.reduce((sum, c) => sum + c.indexes.length, 0));
    // Members read only their own documents where a client reads at all; nobody writes but through functions.
    expect(JSON.parse(env.rules.get('notices')!)).toEqual({ read: 'doc.openid == auth.openid', write: false });
    expect(JSON.parse(env.rules.get('ledger')!)).toEqual({ read: 'doc.openid == auth.openid', write: false });
    expect(JSON.parse(env.rules.get('communities')!)).toEqual({ read: false, write: false });
    expect(env.functions.get('jobs')).toMatchObject({ runtime: 'Nodejs16.13', timeoutSeconds: 60, environment: { JOB_BUDGET_MS: '50000' } });
    expect(env.triggers.get('jobs')).toEqual([expect.objectContaining({ name: 'tick', config: '0 * * * * * *' })]);
    expect(env.calls.filter((c) => c.startsWith('miniprogram'))).toHaveLength(1);
    const lines: string[] = [];
    expect(await applyPlan(plan, env.target, (line) => lines.push(line))).toEqual({ changed: 0, problems: [] });
    expect(lines).toContain('  nothing to change: the environment already matches');
  });

  it('uploads only what changed, and a deploy cut off is finished by the next', async () => {
    const env = memoryEnvironment();
    // Cut off among the functions, after the database.
    const databaseCalls = 2 * plan.collections.length + plan.collections.filter((c) => c.indexes.length).length;
    env.failAt(databaseCalls + 7);
    await expect(applyPlan(plan, env.target, quiet)).rejects.toThrow('connection reset');
    env.failAt(Infinity);
    await applyPlan(plan, env.target, quiet);
    // What was finished is not done again; only the function cut off between its upload and its configuration (which records its digest) is uploaded twice.
    const repeated = env.calls.filter((call, i) => env.calls.indexOf(call) !== i);
    expect(repeated).toEqual([expect.stringMatching(/^upload /)]);
    for (const fn of plan.functions) expect(env.functions.get(fn.name)).toMatchObject({ runtime: 'Nodejs16.13', environment: { DEPLOYED_CODE_SHA: fn.codeSha } });
    // A new build of one function: that one uploaded again, nothing else.
    const changed = { ...plan, functions: plan.functions.map((fn) => (fn.name === 'mall' ? { ...fn, codeSha: 'newer', environment: { ...fn.environment, DEPLOYED_CODE_SHA: 'newer' } } : fn)) };
    const before = env.calls.length;
    await applyPlan(changed, env.target, quiet);
    expect(env.calls.slice(before)).toEqual(['upload mall', 'configure mall']);
  });

  it('reports an index of the same name with other fields instead of dropping it', async () => {
    const env = memoryEnvironment();
    env.collections.set('orders', [{ name: 'unpaid_due', fields: [['status', 'asc']] }]);
    const { problems } = await applyPlan(plan, env.target, quiet);
    expect(problems).toEqual([expect.stringContaining('orders.unpaid_due exists with other fields')]);
    expect(env.collections.get('orders')!.filter((i) => i.name === 'unpaid_due')).toHaveLength(1);
  });
});

describe('npm run deploy', () => {
  const run = (args: string[]) => spawnSync('npx', ['tsx', 'scripts/deploy/main.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, WX_APPID: '', WX_ENV_ID: '', WX_UPLOAD_KEY: '' } });

  it('--dry-run needs no credentials and prints the whole plan', () => {
    const out = run(['--dry-run', '--skip-build']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain("WeChat's rules: met");
    expect(out.stdout).toContain('timer trigger tick "0 * * * * * *"');
    expect(out.stdout).toContain('collection orders {"read":"doc.openid == auth.openid","write":false}: by_member_newest(communityId asc, openid asc, sortKey desc)');
    expect(out.stdout).toContain('Dry run: nothing was sent to WeChat.');
  });

  it('without credentials says where each comes from, and sends nothing', () => {
    const out = run(['--skip-build']);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('--env (or WX_ENV_ID) is required: 云开发控制台');
    const withEnv = spawnSync('npx', ['tsx', 'scripts/deploy/main.ts', '--skip-build', '--env', 'env-1', '--appid', 'wx1'], { cwd: root, encoding: 'utf8', env: { ...process.env, WX_UPLOAD_KEY: '' } });
    expect(withEnv.stderr).toContain('小程序代码上传');
  });

  it('refuses settings whose templates the functions could not read', () => {
    const bad = resolve(root, '.cache/bad-settings.json');
    execFileSync('mkdir', ['-p', resolve(root, '.cache')]);
    require('node:fs').writeFileSync(bad, JSON.stringify({ ...defaults, subscriptions: { reviewResult: { id: 't', fields: { subject: 'title1' } } } }));
    const out = run(['--dry-run', '--skip-build', '--settings', bad]);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('subscriptions: reviewResult.fields.subject');
  });
});
