import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withReadCache } from './readCache';
import { SqliteStore } from './sqlite/sqliteStore';
import { storeContract } from './testing/contract';

const fresh = () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'cp-cache-')), 'db.sqlite'));

storeContract('sqlite behind the read cache', () => withReadCache(fresh(), { collections: ['requests'], ttlMs: 60_000 }));

describe('read cache', () => {
  it('serves repeated reads from memory until the ttl, and its own writes at once', async () => {
    let clock = 0;
    const inner = fresh();
    const store = withReadCache(inner, { collections: ['requests'], ttlMs: 1000, now: () => clock });
    await store.transaction((tx) => tx.set('requests', 'a', { communityId: 'c', n: 1 }));
    expect(await store.get('requests', 'a')).toMatchObject({ n: 1 });
    await inner.transaction((tx) => tx.update('requests', 'a', { n: 2 })); // another instance writes
    expect(await store.get('requests', 'a')).toMatchObject({ n: 1 });
    clock = 1001;
    expect(await store.get('requests', 'a')).toMatchObject({ n: 2 });
    await store.transaction((tx) => tx.update('requests', 'a', { n: 3 }));
    expect(await store.get('requests', 'a')).toMatchObject({ n: 3 });
    const copy = (await store.get('requests', 'a'))!;
    copy.n = 99; // callers cannot corrupt the cache
    expect(await store.get('requests', 'a')).toMatchObject({ n: 3 });
    await store.close?.();
  });
});
