import { generate, run, shrink } from '../cloudfunctions/testing/modelCheck';
import { STORE_KINDS, type StoreKind } from '../cloudfunctions/testing/harness';

/**
 * `npm run check:model -- --ops 10000 --seed 7 [--store sqlite|wxcloud]`: the seeded model
 * check, longer than `npm test` runs it. A failure is shrunk and printed as the bursts to replay.
 */
function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main() {
  const ops = Number(option('ops', '2000'));
  const seed = Number(option('seed', String(Date.now() % 100_000)));
  const stores = option('store', 'both') === 'both' ? STORE_KINDS : [option('store', 'both') as StoreKind];
  if (!Number.isInteger(ops) || ops <= 0 || !Number.isInteger(seed) || stores.some((s) => !STORE_KINDS.includes(s))) {
    console.error('usage: npm run check:model -- --ops N --seed N [--store sqlite|wxcloud]');
    process.exit(2);
  }
  const bursts = generate(seed, ops);
  let failed = false;
  for (const store of stores) {
    const started = Date.now();
    const { error, outcomes } = await run(store, bursts);
    if (!error) {
      console.log(
        `model check: seed ${seed}, ${ops} operations in ${bursts.length} bursts on ${store}: the books hold (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      for (const [kind, answers] of Object.entries(outcomes))
        console.log(
          `  ${kind.padEnd(10)} ${Object.entries(answers)
            .map(([a, n]) => `${a} ${n}`)
            .join(', ')}`,
        );
      continue;
    }
    failed = true;
    console.log(`model check: seed ${seed} on ${store} FAILED: ${error}\nshrinking...`);
    const small = await shrink(store, bursts, console.log);
    console.log(`smallest failing run (${small.bursts.length} bursts): ${small.error}`);
    for (const burst of small.bursts) console.log(JSON.stringify(burst));
  }
  process.exit(failed ? 1 : 0);
}

void main();
