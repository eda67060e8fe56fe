import { storeContract } from '../testing/contract';
import { MemoryWxDatabase } from './memoryWxDatabase';
import { WxCloudStore } from './wxcloudStore';

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

  it('reads a snapshot and runs the callback again after a write conflict', async () => {
    const db = new MemoryWxDatabase();
    await db.collection('members').doc('m').set({ data: { n: 0 } });
    let runs = 0;
    let gate!: () => void;
    const opened = new Promise<void>((resolve) => (gate = resolve));
    const slow = db.runTransaction(async (t) => {
      runs++;
      const { data } = await t.collection('members').doc('m').get();
      if (runs === 1) await opened; // another writer commits meanwhile
      await t.collection('members').doc('m').set({ data: { n: Number(data!.n) + 1 } });
    });
    await db.runTransaction(async (t) => {
      await t.collection('members').doc('m').set({ data: { n: 10 } });
    });
    gate();
    await slow;
    expect(runs).toBe(2);
    expect((await db.collection('members').doc('m').get()).data).toMatchObject({ n: 11 });
  });

  it('gives up with DATABASE_TRANSACTION_CONFLICT after its retries', async () => {
    const db = new MemoryWxDatabase();
    await db.collection('members').doc('m').set({ data: { n: 0 } });
    const attempt = db.runTransaction(async (t) => {
      await t.collection('members').doc('m').get();
      await db.collection('members').doc('m').update({ data: { n: db.command.inc(1) } }); // someone else, every time
      await t.collection('members').doc('m').update({ data: { n: 100 } });
    }, 2);
    await expect(attempt).rejects.toThrow('DATABASE_TRANSACTION_CONFLICT');
  });
});
