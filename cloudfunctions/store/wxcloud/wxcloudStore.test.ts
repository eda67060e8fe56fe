import { storeContract } from '../testing/contract';
import { MemoryWxDatabase } from '../testing/memoryWxDatabase';
import { WxCloudStore } from './wxcloudStore';
import { ConflictError } from '../port';

storeContract('wxcloud (in-memory double of the wx-server-sdk database)', () => new WxCloudStore(new MemoryWxDatabase()));

describe('the wx-server-sdk database double enforces the real rules', () => {
  it('has no where() inside a transaction', async () => {
    const db = new MemoryWxDatabase();
    await expect(db.runTransaction(async (t) => (t.collection('members') as unknown as { where(): unknown }).where())).rejects.toThrow(
      'where() is not available',
    );
  });

  it('rejects get() of a missing document, as the SDK does', async () => {
    await expect(new MemoryWxDatabase().collection('members').doc('x').get()).rejects.toThrow('does not exist');
  });

  it('fails a write to a document committed since the snapshot as the SDK does: errCode, no code, not retried', async () => {
    const db = new MemoryWxDatabase();
    await db
      .collection('members')
      .doc('m')
      .set({ data: { n: 0 } });
    let runs = 0;
    const attempt = db.runTransaction(async (t) => {
      runs++;
      await t.collection('members').doc('m').get();
      await db
        .collection('members')
        .doc('m')
        .update({ data: { n: db.command.inc(1) } }); // someone else commits
      await t
        .collection('members')
        .doc('m')
        .update({ data: { n: 100 } });
    }, 3);
    const error = (await attempt.catch((e: unknown) => e)) as { errCode?: number; code?: unknown; message: string };
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ errCode: -501001 });
    expect(error.code).toBeUndefined();
    expect(error.message).toContain('TransactionConflict');
    expect(runs).toBe(1);
  });

  it('rejects a commit that lost its race with the raw DATABASE_TRANSACTION_CONFLICT response, and retries only that', async () => {
    const db = new MemoryWxDatabase();
    await db
      .collection('members')
      .doc('m')
      .set({ data: { n: 0 } });
    let runs = 0;
    let gate!: () => void;
    const opened = new Promise<void>((resolve) => (gate = resolve));
    const slow = db.runTransaction(async (t) => {
      runs++;
      const { data } = await t.collection('members').doc('m').get();
      await t
        .collection('members')
        .doc('m')
        .set({ data: { n: Number(data!.n) + 1 } });
      if (runs === 1) await opened; // another writer commits before this one does
    }, 1);
    await db.runTransaction((t) =>
      t
        .collection('members')
        .doc('m')
        .set({ data: { n: 10 } }),
    );
    gate();
    await slow;
    expect(runs).toBe(2);
    expect((await db.collection('members').doc('m').get()).data).toMatchObject({ n: 11 });

    const never = db.runTransaction(async (t) => {
      await t
        .collection('members')
        .doc('m')
        .set({ data: { n: 0 } });
      await db
        .collection('members')
        .doc('m')
        .update({ data: { n: db.command.inc(1) } }); // after our write, before our commit
    }, 2);
    await expect(never).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  });

  it('refuses add() of an _id that exists', async () => {
    const db = new MemoryWxDatabase();
    await db.runTransaction((t) => t.collection('ledger').add({ data: { _id: 'e1', n: 1 } }));
    await expect(db.runTransaction((t) => t.collection('ledger').add({ data: { _id: 'e1', n: 2 } }))).rejects.toThrow('duplicate key');
    expect((await db.collection('ledger').doc('e1').get()).data).toMatchObject({ n: 1 });
  });

  it('gives snapshot isolation, not more: two transactions may commit a write skew', async () => {
    const db = new MemoryWxDatabase();
    await db
      .collection('slots')
      .doc('a')
      .set({ data: { on: true } });
    await db
      .collection('slots')
      .doc('b')
      .set({ data: { on: true } });
    const turnOff = (mine: string, other: string) =>
      db.runTransaction(async (t) => {
        const { data } = await t.collection('slots').doc(other).get();
        if (data!.on)
          await t
            .collection('slots')
            .doc(mine)
            .update({ data: { on: false } });
      });
    await Promise.all([turnOff('a', 'b'), turnOff('b', 'a')]);
    // Both read the other as on and both committed: this is why a use case writes what it decided on.
    expect((await db.collection('slots').doc('a').get()).data).toMatchObject({ on: false });
    expect((await db.collection('slots').doc('b').get()).data).toMatchObject({ on: false });
  });
});

describe('WxCloudStore retries conflicts itself', () => {
  it('retries a write-time conflict the SDK would not retry, and a commit-time one', async () => {
    const db = new MemoryWxDatabase();
    const store = new WxCloudStore(db);
    await store.transaction((tx) => tx.set('members', 'm', { n: 0 }));
    let runs = 0;
    await store.transaction(async (tx) => {
      runs++;
      const doc = await tx.get('members', 'm');
      if (runs === 1)
        await db
          .collection('members')
          .doc('m')
          .update({ data: { n: db.command.inc(1) } });
      await tx.update('members', 'm', { n: doc!.n + 10 });
    });
    expect(runs).toBe(2);
    expect(await store.get('members', 'm')).toMatchObject({ n: 11 });
  });

  it('answers ConflictError only when its attempts run out', async () => {
    const db = new MemoryWxDatabase();
    const store = new WxCloudStore(db, { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 });
    await store.transaction((tx) => tx.set('members', 'm', { n: 0 }));
    let runs = 0;
    const attempt = store.transaction(async (tx) => {
      runs++;
      await db
        .collection('members')
        .doc('m')
        .update({ data: { n: db.command.inc(1) } }); // someone else, every time
      await tx.update('members', 'm', { n: 100 });
    });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(runs).toBe(3);
  });
});
