import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withReadCache } from './readCache';
import { SqliteStore } from './sqlite/sqliteStore';
import { storeContract } from './testing/contract';

const fresh = () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cp-cache-')), 'db.sqlite'));

storeContract('sqlite behind the read cache', () => withReadCache(fresh(), { collections: ['counters'], ttlMs: 60_000 }));

describe('read cache', () => {
  it('serves repeated reads from memory until the ttl, and its own writes at once', async () => {
    let clock = 0;
    const inner = fresh();
    const store = withReadCache(inner, { collections: ['counters'], ttlMs: 1000, now: () => clock });
    await store.transaction((tx) => tx.set('counters', 'a', { communityId: 'c', n: 1 }));
    expect(await store.get('counters', 'a')).toMatchObject({ n: 1 });
    await inner.transaction((tx) => tx.update('counters', 'a', { n: 2 })); // another instance writes
    expect(await store.get('counters', 'a')).toMatchObject({ n: 1 });
    clock = 1001;
    expect(await store.get('counters', 'a')).toMatchObject({ n: 2 });
    await store.transaction((tx) => tx.update('counters', 'a', { n: 3 }));
    expect(await store.get('counters', 'a')).toMatchObject({ n: 3 });
    const copy = (await store.get<{ n: number }>('counters', 'a'))!;
    copy.n = 99; // callers cannot corrupt the cache
    expect(await store.get('counters', 'a')).toMatchObject({ n: 3 });
    await store.close?.();
  });
});
