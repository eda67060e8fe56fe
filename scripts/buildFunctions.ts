import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FUNCTION_BUDGET_BYTES } from './deploy/rules';

/**
 * Bundles each cloud function (cloudfunctions/functions/<name>/index.ts) into
 * dist/cloudfunctions/<name>/ as one index.js, with a package.json that depends on
 * wx-server-sdk only and a config.json (openapi permissions, timer triggers).
 */
const root = resolve(__dirname, '..');
const sources = join(root, 'cloudfunctions/functions');
const out = join(root, 'dist/cloudfunctions');

const sdkVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies['wx-server-sdk'];

async function main() {
  rmSync(out, { recursive: true, force: true });
  const names = readdirSync(sources).filter((name) => statSync(join(sources, name)).isDirectory());
  const sizes: Array<[string, number]> = [];
  for (const name of names) {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(sources, name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      external: ['wx-server-sdk'],
      logLevel: 'warning',
    });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2) +
        '\n',
    );
    // WeChat reads permissions and triggers; `sends` (the subscription purposes) is the deploy's.
    const { permissions, triggers } = JSON.parse(readFileSync(join(sources, name, 'config.json'), 'utf8'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ permissions, ...(triggers ? { triggers } : {}) }, null, 2) + '\n');
    sizes.push([name, statSync(join(dir, 'index.js')).size]);
  }
  for (const [name, size] of sizes) {
    const flag = size > FUNCTION_BUDGET_BYTES ? '  OVER BUDGET' : '';
    console.log(`cloudfunction ${name.padEnd(10)} ${(size / 1024).toFixed(1).padStart(6)} KB / ${FUNCTION_BUDGET_BYTES / 1024} KB${flag}`);
  }
  if (sizes.some(([, size]) => size > FUNCTION_BUDGET_BYTES)) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
