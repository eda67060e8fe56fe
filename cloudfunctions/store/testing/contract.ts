import { ConflictError, DuplicateError, increment, type Store } from '../port';

type Counter = { communityId: string; n: number; tag?: string; lots?: Array<{ at: string; n: number }> };

/**
 * The behaviour every Store adapter must have. Each adapter's test file runs this suite with
 * a factory for a fresh, empty store.
 */
export function storeContract(name: string, open: () => Promise<Store> | Store) {
  describe(`Store contract: ${name}`, () => {
    let store: Store<{ requests: Counter }>;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close?.();
    });

    it('reads null for a missing document and the document after a write', async () => {
      expect(await store.get('requests', 'a')).toBeNull();
      await store.transaction(async (tx) => {
        expect(await tx.get('requests', 'a')).toBeNull();
        await tx.set('requests', 'a', { _id: 'ignored', communityId: 'c', n: 1 } as Counter);
      });
      expect(await store.get('requests', 'a')).toEqual({ _id: 'a', communityId: 'c', n: 1 });
    });

    it('updates named fields and increments atomically', async () => {
      await store.transaction((tx) => tx.set('requests', 'a', { communityId: 'c', n: 1, tag: 'x' }));
      await store.transaction((tx) => tx.update('requests', 'a', { n: increment(4), tag: 'y' }));
      expect(await store.get('requests', 'a')).toEqual({ _id: 'a', communityId: 'c', n: 5, tag: 'y' });
    });

    it('replaces an object field whole on update: keys it no longer has are gone, an empty object stays empty', async () => {
      // wx-server-sdk flattens a nested object in update() to dot paths, which would merge it into the stored one.
      await store.transaction((tx) => tx.set('requests', 'obj', { communityId: 'c', n: 1, seen: { a: 1, b: 2 } } as Counter));
      await store.transaction((tx) => tx.update('requests', 'obj', { seen: { a: 3 } } as Partial<Counter>));
      expect(await store.get('requests', 'obj')).toEqual({ _id: 'obj', communityId: 'c', n: 1, seen: { a: 3 } });
      await store.transaction((tx) => tx.update('requests', 'obj', { seen: {} } as Partial<Counter>));
      expect(await store.get('requests', 'obj')).toEqual({ _id: 'obj', communityId: 'c', n: 1, seen: {} });
    });

    it('takes an update that changes nothing (the cloud reports it as 0 documents updated) as done', async () => {
      await store.transaction((tx) => tx.set('requests', 'same', { communityId: 'c', n: 1, tag: 'x' }));
      await store.transaction((tx) => tx.update('requests', 'same', { n: 1, tag: 'x' }));
      expect(await store.get('requests', 'same')).toEqual({ _id: 'same', communityId: 'c', n: 1, tag: 'x' });
    });

    it('refuses to update a missing document and writes nothing of that transaction', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.set('requests', 'b', { communityId: 'c', n: 1 });
          await tx.update('requests', 'missing', { n: 2 });
        }),
      ).rejects.toThrow();
      expect(await store.get('requests', 'b')).toBeNull();
    });

    it('writes nothing when the callback throws', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.set('requests', 'a', { communityId: 'c', n: 1 });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await store.get('requests', 'a')).toBeNull();
    });

    it('finds by equality and range, ordered and limited', async () => {
      await store.transaction(async (tx) => {
        for (let i = 1; i <= 6; i++) await tx.set('requests', `k${i}`, { communityId: i % 2 ? 'odd' : 'even', n: i });
      });
      const odd = await store.find('requests', { where: { communityId: 'odd' }, orderBy: [['n', 'desc']] });
      expect(odd.map((d) => d.n)).toEqual([5, 3, 1]);
      const range = await store.find('requests', { where: { n: { gt: 1, lte: 4 } }, orderBy: [['n', 'asc']], limit: 2 });
      expect(range.map((d) => d._id)).toEqual(['k2', 'k3']);
      const some = await store.find('requests', { where: { n: { in: [2, 6, 9] } }, orderBy: [['n', 'asc']] });
      expect(some.map((d) => d.n)).toEqual([2, 6]);
    });

    it('reads only the fields a query names (and _id)', async () => {
      await store.transaction(async (tx) => {
        await tx.set('requests', 'p1', { communityId: 'c', n: 1, tag: 'long text a list does not show' });
        await tx.set('requests', 'p2', { communityId: 'c', n: 2 });
      });
      const rows = await store.find('requests', { where: { communityId: 'c' }, orderBy: [['n', 'asc']], fields: ['n', 'tag'] });
      expect(rows.map((r) => ({ _id: r._id, n: r.n, tag: r.tag ?? null }))).toEqual([
        { _id: 'p1', n: 1, tag: 'long text a list does not show' },
        { _id: 'p2', n: 2, tag: null },
      ]);
      const narrow = await store.find('requests', { where: { communityId: 'c' }, orderBy: [['n', 'asc']], fields: ['n'] });
      expect(narrow).toEqual([
        { _id: 'p1', n: 1 },
        { _id: 'p2', n: 2 },
      ]);
    });

    it('reads a document with a bulky part whole, without it, or in part, through every kind of write', async () => {
      const year = Array.from({ length: 365 }, (_, i) => ({ at: `2027-01-01T16:00:00.000Z#${i}`, n: i }));
      const withoutLots = { communityId: 'c', n: 1, tag: 't' };
      await store.transaction((tx) => tx.set('requests', 'big', { ...withoutLots, lots: year }));
      expect(await store.get('requests', 'big')).toEqual({ _id: 'big', ...withoutLots, lots: year });
      expect(await store.get('requests', 'big', { omit: ['lots'] })).toEqual({ _id: 'big', ...withoutLots });
      expect(await store.get('requests', 'big', { omit: ['tag'] })).toEqual({ _id: 'big', communityId: 'c', n: 1, lots: year });
      expect(await store.find('requests', { where: { communityId: 'c' } })).toEqual([{ _id: 'big', ...withoutLots, lots: year }]);
      expect(await store.find('requests', { where: { communityId: 'c' }, fields: ['n', 'lots'] })).toEqual([
        { _id: 'big', n: 1, lots: year },
      ]);
      expect(await store.find('requests', { where: { communityId: 'c' }, fields: ['tag'] })).toEqual([{ _id: 'big', tag: 't' }]);

      // An update of other fields keeps the bulky part; one of the bulky part shrinks or grows it.
      await store.transaction((tx) => tx.update('requests', 'big', { n: increment(1) }));
      expect(await store.get('requests', 'big')).toEqual({ _id: 'big', ...withoutLots, n: 2, lots: year });
      await store.transaction(async (tx) => {
        const doc = (await tx.get('requests', 'big'))!;
        await tx.update('requests', 'big', { lots: doc.lots!.slice(0, 2), n: increment(1) });
      });
      expect(await store.get('requests', 'big')).toEqual({ _id: 'big', ...withoutLots, n: 3, lots: year.slice(0, 2) });
      await store.transaction((tx) => tx.update('requests', 'big', { lots: year }));
      expect(await store.get('requests', 'big', { omit: ['tag'] })).toEqual({ _id: 'big', communityId: 'c', n: 3, lots: year });
      // A set replaces the whole document: a bulky part it does not carry is gone.
      await store.transaction((tx) => tx.set('requests', 'big', { communityId: 'c', n: 9 }));
      expect(await store.get('requests', 'big')).toEqual({ _id: 'big', communityId: 'c', n: 9 });
      expect(await store.find('requests', { where: { communityId: 'c' }, fields: ['lots'] })).toEqual([
        expect.objectContaining({ _id: 'big' }),
      ]);
      expect((await store.find('requests', { where: { communityId: 'c' }, fields: ['lots'] }))[0].lots ?? null).toBeNull();
      expect(await store.get('requests', 'missing', { omit: ['lots'] })).toBeNull();
    });

    it('counts what matches, by equality and range, and changes nothing', async () => {
      await store.transaction(async (tx) => {
        for (let i = 1; i <= 6; i++) await tx.set('requests', `k${i}`, { communityId: i % 2 ? 'odd' : 'even', n: i });
      });
      expect(await store.count('requests', { communityId: 'odd' })).toBe(3);
      expect(await store.count('requests', { communityId: 'even', n: { gt: 2, lte: 6 } })).toBe(2);
      expect(await store.count('requests', { n: { in: [1, 6, 9] } })).toBe(2);
      expect(await store.count('requests', { communityId: 'none' })).toBe(0);
      expect(await store.count('requests', {})).toBe(6);
    });

    it('serialises concurrent read-modify-write transactions: no lost update', async () => {
      await store.transaction((tx) => tx.set('requests', 'hot', { communityId: 'c', n: 0 }));
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () =>
          store.transaction(async (tx) => {
            const doc = await tx.get('requests', 'hot');
            await tx.set('requests', 'hot', { communityId: 'c', n: doc!.n + 1 });
          }),
        ),
      );
      const committed = results.filter((r) => r.status === 'fulfilled').length;
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
      expect(committed).toBeGreaterThan(0);
      expect((await store.get('requests', 'hot'))!.n).toBe(committed);
    });

    it('lets exactly one of many racing transactions create the same id', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store
            .transaction(async (tx) => {
              if (await tx.get('requests', 'once')) return 'exists';
              await tx.set('requests', 'once', { communityId: 'c', n: i });
              return 'created';
            })
            .catch((error: Error) => error.name),
        ),
      );
      expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    });

    it('creates a new id once and never replaces: a taken id fails the whole transaction', async () => {
      await store.transaction((tx) => tx.create('requests', 'entry', { communityId: 'c', n: 1 }));
      await expect(
        store.transaction(async (tx) => {
          await tx.set('requests', 'other', { communityId: 'c', n: 9 });
          await tx.create('requests', 'entry', { communityId: 'c', n: 2 });
        }),
      ).rejects.toBeInstanceOf(DuplicateError);
      expect(await store.get('requests', 'entry')).toEqual({ _id: 'entry', communityId: 'c', n: 1 });
      expect(await store.get('requests', 'other')).toBeNull();
    });

    it('lets exactly one of many racing creates of one id commit; the others see DuplicateError', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store
            .transaction((tx) => tx.create('requests', 'race', { communityId: 'c', n: i }))
            .then(
              () => 'created',
              (error: Error) => error.name,
            ),
        ),
      );
      expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
      expect(outcomes.filter((o) => o !== 'created').every((o) => o === 'DuplicateError')).toBe(true);
    });

    it('write skew: an invariant over two documents holds when each transaction writes what it decided on', async () => {
      // Two on-call slots, at least one must stay on. Under snapshot isolation (the cloud) two
      // transactions that each read both and turn off a different one could both commit; writing
      // the document the decision rests on (here: both) turns that into a write-write conflict.
      await store.transaction(async (tx) => {
        await tx.set('requests', 'slotA', { communityId: 'c', n: 1 });
        await tx.set('requests', 'slotB', { communityId: 'c', n: 1 });
      });
      const turnOff = (mine: string, other: string) =>
        store
          .transaction(async (tx) => {
            const a = await tx.get('requests', mine);
            const b = await tx.get('requests', other);
            if (a!.n + b!.n < 2) return 'refused';
            await tx.update('requests', mine, { n: 0 });
            await tx.update('requests', other, { n: b!.n });
            return 'off';
          })
          .catch((error: Error) => error.name);
      const outcomes = await Promise.all([
        turnOff('slotA', 'slotB'),
        turnOff('slotB', 'slotA'),
        turnOff('slotA', 'slotB'),
        turnOff('slotB', 'slotA'),
      ]);
      const a = (await store.get('requests', 'slotA'))!.n;
      const b = (await store.get('requests', 'slotB'))!.n;
      expect(a + b).toBe(1);
      expect(outcomes.filter((o) => o === 'off')).toHaveLength(1);
    });
  });
}
