import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { SqliteStore } from './sqliteStore';
import { increment } from '../port';
import { storeContract } from '../testing/contract';

/** The store's own connection, for what only SQLite can say (the WAL, the plan, a transaction open). */
const dbOf = (store: SqliteStore) => (store as unknown as { db: import('better-sqlite3').Database }).db;
/** Reads the hot document and writes it back one higher: two at once conflict. */
const bump = (store: SqliteStore) =>
  store.transaction(async (tx) => {
    const hot = await tx.get('requests', 'hot');
    await tx.update('requests', 'hot', { n: (hot!.n as number) + 1 });
  });
/** One turn of the event loop, as the functions worker serves them. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

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
    await first.transaction((tx) => tx.set('requests', 'a', { communityId: 'c', n: 7 }));
    await first.close();
    const second = new SqliteStore(file);
    expect(await second.get('requests', 'a')).toEqual({ _id: 'a', communityId: 'c', n: 7 });
    // Versions continue after a reopen, so a stale snapshot is still detected.
    await second.transaction((tx) => tx.update('requests', 'a', { n: 8 }));
    expect(await second.get('requests', 'a')).toMatchObject({ n: 8 });
    await second.close();
  });

  it('leaves an index alone when a write leaves its fields alone: only the pages that changed reach the WAL', async () => {
    const file = fresh();
    const collections = [
      {
        name: 'things',
        indexes: [
          { name: 'by_a', fields: [['a', 'asc']] },
          { name: 'by_b', fields: [['b', 'asc']] },
        ],
        security: { read: false, write: false },
      },
    ] as never;
    const store = new SqliteStore(file, collections);
    const db = dbOf(store);
    db.pragma('wal_autocheckpoint = 0');
    await store.transaction(async (tx) => {
      for (let i = 0; i < 200; i++) await tx.set('things', `t${i}`, { a: i, b: `b${i}`, note: 'x' });
    });
    db.pragma('wal_checkpoint(TRUNCATE)');
    const owners = new Map(
      (db.prepare('SELECT pageno, name FROM dbstat').all() as Array<{ pageno: number; name: string }>).map((r) => [r.pageno, r.name]),
    );
    await store.transaction(async (tx) => {
      const thing = await tx.get('things', 't7');
      await tx.set('things', 't7', { ...thing, note: 'changed' });
      await tx.update('things', 't8', { a: 1000 });
    });
    const wal = readFileSync(`${file}-wal`);
    const pageSize = wal.readUInt32BE(8);
    const written = new Set<string>();
    for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) written.add(owners.get(wal.readUInt32BE(at)) ?? 'new page');
    // t8's a changed: by_a is written; nothing changed b, so by_b is not.
    expect(written.has('things_by_a')).toBe(true);
    expect(written.has('things_by_b')).toBe(false);
    await store.close();
  });

  it('applies commits that arrive together in one SQLite transaction, and a refused one alone rolls back', async () => {
    const file = fresh();
    const store = new SqliteStore(file);
    const db = dbOf(store);
    db.pragma('wal_autocheckpoint = 0');
    await store.transaction((tx) => tx.set('requests', 'taken', { communityId: 'c' }));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const outcomes = await Promise.allSettled([
      store.transaction(async (tx) => tx.set('requests', 'a', { communityId: 'c', n: 1 })),
      store.transaction(async (tx) => {
        await tx.set('requests', 'b', { communityId: 'c', n: 2 });
        await tx.create('requests', 'taken', { communityId: 'c' });
      }),
      store.transaction(async (tx) => tx.update('requests', 'taken', { n: 3 })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.get('requests', 'a')).toMatchObject({ n: 1 });
    expect(await store.get('requests', 'b')).toBeNull();
    expect(await store.get('requests', 'taken')).toMatchObject({ n: 3 });
    // One commit record in the WAL for the three (a frame's second word is non-zero only on a commit).
    const wal = readFileSync(`${file}-wal`);
    const pageSize = wal.readUInt32BE(8);
    let commits = 0;
    for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) if (wal.readUInt32BE(at + 4) !== 0) commits++;
    expect(commits).toBe(1);
    // Versions stay apart: a snapshot from before the group still sees each write as newer.
    await store.close();
    const reopened = new SqliteStore(file);
    await reopened.transaction((tx) => tx.update('requests', 'a', { n: 4 }));
    expect(await reopened.get('requests', 'a')).toMatchObject({ n: 4 });
    await reopened.close();
  });

  it('does not starve a retried transaction behind others that never wait a turn (the check-in tail of bench --scale)', async () => {
    const store = new SqliteStore(fresh());
    await store.transaction(async (tx) => tx.set('requests', 'hot', { communityId: 'c', n: 0 }));
    // Eight clients committing one after another: every read and commit of this store is synchronous,
    // so without a turn to wait for, their work runs in microtasks and a macrotask waits for all of it.
    let streamed = 0;
    const stream = Array.from({ length: 8 }, async (_, client) => {
      for (let i = 0; i < 200; i++) {
        await store.transaction(async (tx) => tx.set('requests', `s${client}`, { communityId: 'c', i }));
        streamed++;
      }
    });
    // Two racing bumps: one conflicts and tries again; it finishes within a few rounds of the stream, not after it.
    const finishedAfter: number[] = [];
    await Promise.all([bump(store), bump(store)].map((done) => done.then(() => finishedAfter.push(streamed))));
    expect(Math.max(...finishedAfter)).toBeLessThanOrEqual(8 * 3);
    await Promise.all(stream);
    expect((await store.get('requests', 'hot'))!.n).toBe(2);
    await store.close();
  });

  it('tries a write that lost to a commit of its group again at once: it is in the next group, not a turn later', async () => {
    const store = new SqliteStore(fresh());
    await store.transaction(async (tx) => tx.set('requests', 'hot', { communityId: 'c', n: 0 }));
    // Turns of the event loop, as the functions worker serves them (each turn ends with a group commit).
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const committedAt: number[] = [];
    await Promise.all([bump(store), bump(store)].map((done) => done.then(() => committedAt.push(turns))));
    ticking = false;
    // The winner with the first group, the loser with the one after it.
    expect(committedAt[1] - committedAt[0]).toBeLessThanOrEqual(1);
    expect((await store.get('requests', 'hot'))!.n).toBe(2);
    await store.close();
  });

  it('applies a waiting commit mid-turn once it has waited its window, rather than at the end of a busy turn (the write tail of bench --mixed)', async () => {
    const store = new SqliteStore(fresh());
    const told: string[] = [];
    const microtasks = async () => {
      for (let i = 0; i < 50; i++) await Promise.resolve();
    };
    void store.transaction(async (tx) => tx.set('requests', 'a', { communityId: 'c' })).then(() => told.push('a committed'));
    await microtasks();
    expect(told).toEqual([]);
    // The turn goes on serving others for longer than the window; the next request to start applies the group.
    const busyUntil = performance.now() + 5;
    while (performance.now() < busyUntil);
    await store.get('requests', 'b');
    await microtasks();
    expect(told).toEqual(['a committed']);
    await store.close();
  });

  it('shares one read transaction among the reads of a turn, ends it with the turn, and commits nothing inside it', async () => {
    const file = fresh();
    const store = new SqliteStore(file);
    const db = dbOf(store);
    await store.transaction((tx) => tx.set('requests', 'a', { communityId: 'c', n: 1 }));
    await turn();
    expect(db.inTransaction).toBe(false);
    await store.get('requests', 'a');
    await store.find('requests', { where: { communityId: 'c' } });
    // Still open after two reads (one BEGIN for both), closed once the turn is over.
    expect(db.inTransaction).toBe(true);
    await turn();
    expect(db.inTransaction).toBe(false);
    // A commit after reads of the same turn is committed when it resolves: another connection sees it.
    await store.get('requests', 'a');
    await store.transaction(async (tx) => tx.update('requests', 'a', { n: 2 }));
    expect(db.inTransaction).toBe(false);
    const other = new (require('better-sqlite3') as typeof import('better-sqlite3'))(file);
    expect(JSON.parse((other.prepare('SELECT data FROM "requests" WHERE _id = ?').get('a') as { data: string }).data).n).toBe(2);
    other.close();
    await store.close();
  });

  it('answers the ledger query from the index declared in database/collections.json', async () => {
    const store = new SqliteStore(fresh());
    const db = dbOf(store);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT _id FROM "ledger" WHERE "ix_communityId" = ? AND "ix_openid" = ? AND "ix_sortKey" < ? ORDER BY "ix_sortKey" DESC LIMIT 21`,
      )
      .all('c', 'o', 'z') as Array<{ detail: string }>;
    const detail = plan.map((row) => row.detail).join(' ');
    expect(detail).toContain('ledger_by_member_newest');
    expect(detail).not.toContain('TEMP B-TREE');
    await store.close();
  });

  it('keeps indexed columns in step with the document across set, update and increment', async () => {
    const store = new SqliteStore(fresh());
    await store.transaction((tx) => tx.set('members', 'm1', { communityId: 'c', sortKey: 'b', weekKey: 'w1', weekEarned: 5 }));
    await store.transaction((tx) => tx.update('members', 'm1', { weekEarned: increment(7) }));
    await store.transaction((tx) => tx.set('members', 'm2', { communityId: 'c', sortKey: 'a', weekKey: 'w1', weekEarned: 9 }));
    const board = await store.find<{ weekEarned: number }>('members', {
      where: { communityId: 'c', weekKey: 'w1' },
      orderBy: [['weekEarned', 'desc']],
    });
    expect(board.map((m) => [m._id, m.weekEarned])).toEqual([
      ['m1', 12],
      ['m2', 9],
    ]);
    await store.transaction((tx) => tx.update('members', 'm1', { weekKey: 'w2' }));
    expect(await store.find('members', { where: { weekKey: 'w1' } })).toHaveLength(1);
    await store.close();
  });

  it('keeps its commit sequence instead of scanning for it; a database from before that is scanned once', async () => {
    const file = fresh();
    const raw = <T>(work: (db: import('better-sqlite3').Database) => T): T => {
      const db = new (require('better-sqlite3') as typeof import('better-sqlite3'))(file);
      try {
        return work(db);
      } finally {
        db.close();
      }
    };
    const versionOf = (id: string) => raw((db) => db.prepare('SELECT _v FROM "requests" WHERE _id = ?').pluck().get(id) as number);
    const first = new SqliteStore(file);
    for (const id of ['a', 'b', 'c']) await first.transaction((tx) => tx.set('requests', id, { communityId: 'c', n: 1 }));
    await first.close();
    // A database from before _meta: the sequence is found by a scan, once, and kept from then on.
    raw((db) => db.exec('DROP TABLE "_meta"'));
    const second = new SqliteStore(file);
    await second.transaction((tx) => tx.set('requests', 'd', { communityId: 'c', n: 1 }));
    await second.close();
    expect(versionOf('d')).toBe(versionOf('c') + 1);
    // From then on the kept value is what a reopen starts from.
    raw((db) => db.prepare(`UPDATE "_meta" SET value = 100 WHERE key = 'sequence'`).run());
    const third = new SqliteStore(file);
    await third.transaction((tx) => tx.set('requests', 'e', { communityId: 'c', n: 1 }));
    await third.close();
    expect(versionOf('e')).toBe(101);
  });

  it('keeps a bulky field out of line, so a read without it touches none of it; rows from before read the same', async () => {
    const file = fresh();
    const lots = Array.from({ length: 365 }, (_, i) => ({
      expiresAt: `2027-01-${String((i % 28) + 1).padStart(2, '0')}T16:00:00.000Z`,
      points: 5,
    }));
    const store = new SqliteStore(file);
    await store.transaction((tx) => tx.set('members', 'm1', { communityId: 'c', nickname: '小美', lots }));
    const db = dbOf(store);
    const row = () => db.prepare('SELECT data, _cold FROM "members" WHERE _id = ?').get('m1') as { data: string; _cold: string | null };
    const coldRows = () => db.prepare('SELECT count(*) FROM "members__cold"').pluck().get();
    expect(row()).toEqual({ data: JSON.stringify({ communityId: 'c', nickname: '小美' }), _cold: 'lots' });
    expect(coldRows()).toBe(1);
    // Proof that an omitting read and a projection never look at it: with the cold row gone they still answer.
    db.prepare('DELETE FROM "members__cold"').run();
    expect(await store.get('members', 'm1', { omit: ['lots'] })).toEqual({ _id: 'm1', communityId: 'c', nickname: '小美' });
    expect(await store.find('members', { where: { communityId: 'c' }, fields: ['nickname'] })).toEqual([{ _id: 'm1', nickname: '小美' }]);
    await store.transaction((tx) => tx.set('members', 'm1', { communityId: 'c', nickname: '小美', lots }));
    // Shrunk below the threshold, it moves back inline and its cold row is deleted.
    await store.transaction((tx) => tx.update('members', 'm1', { lots: lots.slice(0, 3) }));
    expect(row()._cold).toBeNull();
    expect(coldRows()).toBe(0);
    // A row written before cold fields existed keeps everything inline and reads the same.
    db.prepare('UPDATE "members" SET data = ?, _cold = NULL WHERE _id = ?').run(
      JSON.stringify({ communityId: 'c', nickname: '小美', lots }),
      'm1',
    );
    expect(await store.get('members', 'm1')).toEqual({ _id: 'm1', communityId: 'c', nickname: '小美', lots });
    expect(await store.get('members', 'm1', { omit: ['lots'] })).toEqual({ _id: 'm1', communityId: 'c', nickname: '小美' });
    await store.close();
  });

  it('refuses unknown collections', async () => {
    const store = new SqliteStore(fresh());
    await expect(store.get('nope', 'a')).rejects.toThrow('unknown collection');
    await store.close();
  });
});

describe('SqliteStore writing a document as JSON of its own making', () => {
  it('reads back what JSON would, whatever the names and values, bulky parts out of line or not', async () => {
    const store = new SqliteStore(fresh());
    const name = fc.oneof(fc.constantFrom('lots', 'n', '$x', '_y', '9z', 'a"b', 'a\\b', '名', 'a b'), fc.string({ maxLength: 6 }));
    const value = fc.oneof(
      fc.double(),
      fc.constantFrom(-0, 1e21, Number.NaN, Number.POSITIVE_INFINITY, undefined, null, true),
      fc.string(),
      fc.array(fc.record({ expiresAt: fc.string(), points: fc.integer() }), { maxLength: 60 }),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.integer()),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.dictionary(name, value, { maxKeys: 8 }), async (fields) => {
        const doc = { communityId: 'c', ...fields };
        delete (doc as Record<string, unknown>)._id;
        const id = `d${n++}`;
        await store.transaction((tx) => tx.set('requests', id, doc));
        expect(await store.get('requests', id)).toEqual({ ...JSON.parse(JSON.stringify(doc)), _id: id });
      }),
      { numRuns: 150 },
    );
    await store.close();
  });
});

describe('SqliteStore with background checkpoints', () => {
  it('passes the contract and checkpoints the WAL from its worker', async () => {
    const file = fresh();
    const store = new SqliteStore(file, undefined, { backgroundCheckpoint: true });
    for (let i = 0; i < 50; i++) await store.transaction((tx) => tx.set('requests', `c${i}`, { communityId: 'c', n: i }));
    const db = dbOf(store);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    // After the worker's PASSIVE checkpoint every frame is already in the database file.
    const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
    expect(checkpointed).toBe(log);
    await store.close();
    const reopened = new SqliteStore(file);
    expect(await reopened.get('requests', 'c49')).toMatchObject({ n: 49 });
    await reopened.close();
  });
});
describe('SqliteStore keeping its WAL short under steady writes', () => {
  const streamFor = async (store: SqliteStore, ms: number) => {
    // A busy functions worker: a commit, a turn, the next commit, never a pause.
    let commits = 0;
    for (const until = Date.now() + ms; Date.now() < until; commits++) {
      await store.transaction((tx) => tx.set('requests', `w${commits % 50}`, { communityId: 'c', n: commits, pad: 'x'.repeat(2000) }));
      await turn();
    }
    return commits;
  };
  const walFrames = (store: SqliteStore) => (dbOf(store).pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0].log;

  it('starts the WAL over once it is long, though the writes never stop (it grew without end before)', async () => {
    const store = new SqliteStore(fresh(), undefined, { backgroundCheckpoint: true, walRestartFrames: 40 });
    const commits = await streamFor(store, 1500);
    // Each commit writes at least a page of its own: without restarts the WAL holds them all.
    expect(commits).toBeGreaterThan(300);
    expect(walFrames(store)).toBeLessThan(commits / 3);
    expect(await store.get('requests', 'w1')).toMatchObject({ communityId: 'c' });
    await store.close();
  });

  it('keeps a process that has nothing else to do alive while a commit waits for it (a script exited mid-write before)', () => {
    // A script (a seed, a migration) whose only pending work is a held commit: the checkpointer
    // is unref'd, and so was the hold's timer, so Node exited with code 0, the write never made.
    const file = fresh();
    // Beside its database, so that the directory cleared after the tests takes it too.
    const script = join(dirname(file), 'writes.ts');
    writeFileSync(
      script,
      `import { SqliteStore } from ${JSON.stringify(join(__dirname, 'sqliteStore'))};
      (async () => {
        const store = new SqliteStore(${JSON.stringify(file)}, undefined, { backgroundCheckpoint: true });
        // A checkpointer slow to answer: the hold's own limit ends it.
        store.checkpointer.removeAllListeners('message');
        store.finishWal();
        await store.transaction((tx) => tx.set('requests', 'held', { communityId: 'c' }));
        console.log('wrote', (await store.get('requests', 'held')).communityId);
        await store.close();
      })();`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', cwd: join(__dirname, '../../..') });
    expect([run.status, run.stdout.trim()]).toEqual([0, 'wrote c']);
  });

  it('holds commits only briefly for it: a checkpointer that never answers delays them, loses none', async () => {
    const store = new SqliteStore(fresh(), undefined, { backgroundCheckpoint: true, walRestartFrames: 40 });
    const checkpointer = (store as unknown as { checkpointer: import('node:worker_threads').Worker }).checkpointer;
    checkpointer.removeAllListeners('message');
    await store.transaction((tx) => tx.set('requests', 'before', { communityId: 'c' }));
    (store as unknown as { finishWal(): void }).finishWal();
    const started = Date.now();
    let committed = false;
    const held = store.transaction((tx) => tx.set('requests', 'held', { communityId: 'c' })).then(() => (committed = true));
    // Reads go on meanwhile.
    expect(await store.get('requests', 'before')).toMatchObject({ communityId: 'c' });
    await turn();
    expect(committed).toBe(false);
    await held;
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await store.get('requests', 'held')).toMatchObject({ communityId: 'c' });
    await store.close();
  });
});

storeContract('sqlite with background checkpoints', () => new SqliteStore(fresh(), undefined, { backgroundCheckpoint: true }));
