// Deploy checks, offline: WeChat's own miniprogram-ci compiles dist/weapp and runs its code
// quality checks (what the upload dialog of WeChat DevTools reports), failing on any that fail.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMiniprogramCi } from './miniprogramCi.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { ci } = loadMiniprogramCi();

const projectPath = join(root, 'dist/weapp');
if (!existsSync(join(projectPath, 'app.json'))) {
  console.error('check:weapp: dist/weapp is missing; run npm run build:weapp first');
  process.exit(1);
}
const { appid } = JSON.parse(readFileSync(join(projectPath, 'project.config.json'), 'utf8'));
// A placeholder key is enough offline: compiling and the quality checks never reach WeChat's servers.
const project = new ci.Project({ appid, type: 'miniProgram', projectPath, privateKey: 'placeholder', ignores: [] });
project.attr = async () => ci.DefaultProjectAttr;

const compiled = await ci.getCompiledResult(
  { project, desc: 'check', setting: { es6: true, minify: true } },
  join(mkdtempSync(join(tmpdir(), 'cp-weapp-')), 'compiled.zip'),
);
for (const file of ['app.js', 'app.json', 'pages/home/index.js', 'pages/home/index.wxml']) {
  if (!(file in compiled)) {
    console.error(`check:weapp: the compiled result has no ${file}`);
    process.exit(1);
  }
}
const quality = await ci.checkCodeQuality(project);
for (const check of quality)
  console.log(check.success ? `check:weapp ok   ${check.name}` : `check:weapp FAIL ${check.name}: ${check.text} (${check.docURL})`);
const failed = quality.filter((check) => !check.success);
console.log(
  `check:weapp: ${Object.keys(compiled).length} files compiled, ${quality.length - failed.length}/${quality.length} quality checks pass`,
);
// miniprogram-ci leaves a file watcher running; end explicitly.
process.exit(failed.length ? 1 : 0);
