import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** What eslint says of `code` as if it were the file at `path` (the layer a file is in is where it sits). */
function lint(path: string, code: string): string[] {
  const run = spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', path, '-f', 'json'],
    { cwd: ROOT, input: code, encoding: 'utf8' },
  );
  const [file] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return file.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

/** The layering of ARCHITECTURE.md, held by eslint in `npm test`: each arrow that runs back up the layers is refused. */
describe('the layers, as lint holds them', () => {
  it.each([
    ['cloudfunctions/core/x.ts', "import { ids } from '../app/kernel/documents';\nexport const y = ids;\n", 'core is the pure domain'],
    ['cloudfunctions/core/x.ts', "import Database from 'better-sqlite3';\nexport const y = Database;\n", 'core does no I/O'],
    [
      'cloudfunctions/app/points/x.ts',
      "import { SqliteStore } from '../../store/sqlite/sqliteStore';\nexport const y = SqliteStore;\n",
      'never an adapter',
    ],
    ['cloudfunctions/app/points/x.ts', "import { seedDemo } from '../../local/seed';\nexport const y = seedDemo;\n", 'sit at the edges'],
    [
      'cloudfunctions/contract/x.ts',
      "import type { OrderDoc } from '../app/kernel/documents';\nexport type Y = OrderDoc;\n",
      'the contract is a leaf',
    ],
    ['cloudfunctions/store/sqlite/x.ts', "import { ids } from '../../app/kernel/documents';\nexport const y = ids;\n", 'do not import it'],
    [
      'miniprogram/pages/home/x.tsx',
      "import { cloudGateway } from '../../gateway/cloud';\nexport const y = cloudGateway;\n",
      'through stores',
    ],
    [
      'miniprogram/stores/X.ts',
      "import { checkIn } from '../../cloudfunctions/app/checkin/checkIn';\nexport const y = checkIn;\n",
      'the contract (cloudfunctions/contract) and core',
    ],
  ])('%s may not: %s', (path, code, why) => {
    expect(lint(path, code).join('\n')).toContain(why);
  });

  it('lets each layer import what it stands on', () => {
    expect(
      lint(
        'cloudfunctions/app/points/x.ts',
        "import { ids } from '../kernel/documents';\nimport { DuplicateError } from '../../store/port';\nimport type { Platform } from '../../platform/ports';\nexport const y: [typeof ids, typeof DuplicateError, Platform | null] = [ids, DuplicateError, null];\n",
      ),
    ).toEqual([]);
    expect(
      lint(
        'miniprogram/pages/home/x.tsx',
        "import type { Member } from '../../../cloudfunctions/contract/api';\nimport { TEMPLATES } from '../../../cloudfunctions/core/templates';\nexport const y: [Member | null, typeof TEMPLATES] = [null, TEMPLATES];\n",
      ),
    ).toEqual([]);
  });
});
