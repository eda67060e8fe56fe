// miniprogram-ci, WeChat's own compiler and uploader, installed on first use into .cache/ (it is
// large, ~275 MB, and only the deploy checks and the deploy need it: not `npm install`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MINIPROGRAM_CI_VERSION = '2.1.42';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const prefix = join(root, '.cache/miniprogram-ci');
const installed = join(prefix, 'node_modules/miniprogram-ci/package.json');

/** miniprogram-ci and a require that reaches inside it (its cloud API, for what it exports no function for). */
export function loadMiniprogramCi() {
  if (!existsSync(installed) || JSON.parse(readFileSync(installed, 'utf8')).version !== MINIPROGRAM_CI_VERSION) {
    mkdirSync(prefix, { recursive: true });
    console.log(`installing miniprogram-ci@${MINIPROGRAM_CI_VERSION} into .cache/ (once)`);
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', prefix, `miniprogram-ci@${MINIPROGRAM_CI_VERSION}`],
      { stdio: 'inherit' },
    );
  }
  const require = createRequire(installed);
  return { ci: require('miniprogram-ci'), require };
}
