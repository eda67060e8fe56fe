import type { Query, Store, Transaction } from '../cloudfunctions/store/port';

export interface Counts {
  /** Documents read by id, in and out of transactions. */
  reads: number;
  writes: number;
  /** Queries and counts (each one round trip, whatever it returns). */
  queries: number;
  /** Documents the queries returned. */
  returned: number;
}

/** A Store that counts document operations (reads, writes, queries), in and out of transactions. */
export function counting(store: Store): { store: Store; ops: () => number; counts: () => Counts } {
  const counts: Counts = { reads: 0, writes: 0, queries: 0, returned: 0 };
  const read = <T>(value: T) => (counts.reads++, value);
  const wrote = <T>(value: T) => (counts.writes++, value);
  const counted: Store = {
    get: ((collection: string, id: string, ...projection: [{ omit: readonly string[] }]) => read(store.get(collection, id, ...projection))) as Store['get'],
    find: (async (collection: string, query: Query) => {
      counts.queries++;
      const rows = await store.find(collection, query);
      counts.returned += rows.length;
      return rows;
    }) as Store['find'],
    count: (collection, where) => (counts.queries++, store.count(collection, where)),
    transaction: (work) =>
      store.transaction((tx) =>
        work({
          get: (collection, id) => read(tx.get(collection, id)),
          set: (collection, id, data) => wrote(tx.set(collection, id, data)),
          update: (collection, id, patch) => wrote(tx.update(collection, id, patch)),
          create: (collection, id, data) => wrote(tx.create(collection, id, data)),
        } satisfies Transaction),
      ),
    close: () => store.close?.(),
  };
  return { store: counted, ops: () => counts.reads + counts.writes + counts.queries, counts: () => ({ ...counts }) };
}
