import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { subscriptionTemplates } from '../../cloudfunctions/platform/cloud/subscriptions';
import { applyPlan, describePlan } from './apply';
import { configuredTemplates, planDeploy, type Settings } from './plan';
import { wechatProblems } from './rules';
import { wechatTarget } from './wechat';

/**
 * `npm run deploy -- --appid wx… --env env-… --key private.wx….key`: builds for that environment,
 * checks what WeChat enforces, then makes the environment match (apply.ts). `--dry-run` needs no
 * credentials and asks WeChat nothing: it prints the plan. Flags may come from the environment
 * instead (WX_APPID, WX_ENV_ID, WX_UPLOAD_KEY).
 */
const root = resolve(__dirname, '../..');
const { values } = parseArgs({
  options: {
    appid: { type: 'string', default: process.env.WX_APPID },
    env: { type: 'string', default: process.env.WX_ENV_ID },
    key: { type: 'string', default: process.env.WX_UPLOAD_KEY },
    settings: { type: 'string', default: join(root, 'deploy/settings.json') },
    desc: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`deploy: ${message}`);
  process.exit(1);
}

function readSettings(path: string): Settings {
  const settings = JSON.parse(readFileSync(path, 'utf8')) as Settings;
  // The templates are checked as the functions will read them: a typo fails here, not silently in the cloud.
  const parsed = subscriptionTemplates.safeParse(configuredTemplates(settings));
  if (!parsed.success) fail(`${path}: subscriptions: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  return settings;
}

async function main() {
  const dryRun = values['dry-run'];
  const envId = values.env || (dryRun ? '<environment id>' : fail('--env (or WX_ENV_ID) is required: 云开发控制台 → 设置 → 环境 ID'));
  const appid = values.appid || (dryRun ? '<AppID>' : fail('--appid (or WX_APPID) is required: 小程序后台 → 开发管理 → 开发设置 → AppID'));
  const key = values.key || (dryRun ? '' : fail('--key (or WX_UPLOAD_KEY) is required: the upload key file from 小程序后台 → 开发管理 → 开发设置 → 小程序代码上传'));
  if (!dryRun && !existsSync(key)) fail(`no upload key at ${key}`);
  const settings = readSettings(values.settings!);
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
  const description = values.desc ?? `社群积分 ${version}`;

  if (!values['skip-build']) {
    console.log('Building for the environment…');
    const subscriptions = Object.fromEntries(Object.entries(configuredTemplates(settings)).map(([purpose, template]) => [purpose, template.id]));
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, TARO_APP_CLOUD_ENV: dryRun ? '' : envId, TARO_APP_SUBSCRIPTIONS: JSON.stringify(subscriptions) } });
  }
  if (!existsSync(join(root, 'dist/cloudfunctions'))) fail('nothing built: run without --skip-build');

  const plan = planDeploy(root, settings, description);
  const problems = wechatProblems(plan);
  if (problems.length) fail(`what WeChat enforces is not met:\n  ${problems.join('\n  ')}`);
  console.log("WeChat's rules: met (one trigger per function, timeouts, runtime, sizes, environment)");

  if (dryRun) {
    for (const line of describePlan(plan, envId)) console.log(line);
    console.log('Dry run: nothing was sent to WeChat.');
    return;
  }
  const target = wechatTarget({ appid, envId, privateKeyPath: key, statePath: join(root, '.cache/deploy', `${appid}-${envId}.json`) }, plan.miniprogram.dir);
  const { changed, problems: left } = await applyPlan(plan, target, (line) => console.log(line));
  for (const problem of left) console.log(`  ! ${problem}`);
  console.log(`Deployed to ${envId}: ${changed} change(s).${left.length ? ' See ! above.' : ''}`);
  // miniprogram-ci leaves a file watcher running.
  process.exit(left.length ? 1 : 0);
}

main().catch((error) => {
  console.error('deploy failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
