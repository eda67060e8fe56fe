import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from './sqliteStore';
import { storeContract } from '../testing/contract';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-sqlite-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

storeContract('sqlite', () => new SqliteStore(fresh()));

describe('SqliteStore', () => {
  it('keeps committed documents across a reopen', async () => {
    const file = fresh();
    const first = new SqliteStore(file);
    await first.transaction((tx) => tx.set('counters', 'a', { communityId: 'c', n: 7 }));
    first.close();
    const second = new SqliteStore(file);
    expect(await second.get('counters', 'a')).toEqual({ _id: 'a', communityId: 'c', n: 7 });
    // Versions continue after a reopen, so a stale snapshot is still detected.
    await second.transaction((tx) => tx.update('counters', 'a', { n: 8 }));
    expect(await second.get('counters', 'a')).toMatchObject({ n: 8 });
    second.close();
  });

  it('uses the expression indexes declared in database/collections.json', () => {
    const store = new SqliteStore(fresh());
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT _id FROM "ledger" WHERE json_extract(data, '$.communityId') = ? AND json_extract(data, '$.openid') = ? ORDER BY json_extract(data, '$.sortKey') DESC LIMIT 21`)
      .all('c', 'o') as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(' ')).toContain('ledger_by_member_newest');
    store.close();
  });

  it('refuses unknown collections', async () => {
    const store = new SqliteStore(fresh());
    await expect(store.get('nope', 'a')).rejects.toThrow('unknown collection');
    store.close();
  });
});
