import type { Query, Store, Transaction } from '../port';

export interface Counts {
  /** Documents read by id, in and out of transactions. */
  reads: number;
  writes: number;
  /** Queries and counts (each one round trip, whatever it returns). */
  queries: number;
  /** Documents the queries returned. */
  returned: number;
  /** Bytes of JSON the reads and queries brought back, and the writes sent (a patch: its fields only). */
  bytesRead: number;
  bytesWritten: number;
}

const bytesOf = (value: unknown): number => (value === null || value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value)));

/**
 * A Store that counts what an action costs the database — document operations (reads, writes,
 * queries) and the bytes they move — in and out of transactions. The bench reports these; tests
 * hold the hot actions to budgets with them, so a change that doubles a cost fails without timing.
 */
export function counting(store: Store): { store: Store; ops: () => number; counts: () => Counts; reset: () => void } {
  const counts: Counts = { reads: 0, writes: 0, queries: 0, returned: 0, bytesRead: 0, bytesWritten: 0 };
  const read = async <T>(value: Promise<T>) => {
    const doc = await value;
    counts.reads++;
    counts.bytesRead += bytesOf(doc);
    return doc;
  };
  const wrote = (data: unknown) => {
    counts.writes++;
    counts.bytesWritten += bytesOf(data);
  };
  const counted: Store = {
    get: ((collection: string, id: string, ...projection: [{ omit: readonly string[] }]) =>
      read(store.get(collection, id, ...projection))) as Store['get'],
    find: (async (collection: string, query: Query) => {
      counts.queries++;
      const rows = await store.find(collection, query);
      counts.returned += rows.length;
      counts.bytesRead += bytesOf(rows);
      return rows;
    }) as Store['find'],
    count: (collection, where) => (counts.queries++, store.count(collection, where)),
    transaction: (work) =>
      store.transaction((tx) =>
        work({
          get: (collection, id) => read(tx.get(collection, id)),
          set: (collection, id, data) => (wrote(data), tx.set(collection, id, data)),
          update: (collection, id, patch) => (wrote(patch), tx.update(collection, id, patch)),
          create: (collection, id, data) => (wrote(data), tx.create(collection, id, data)),
        } satisfies Transaction),
      ),
    close: () => store.close?.(),
  };
  return {
    store: counted,
    ops: () => counts.reads + counts.writes + counts.queries,
    counts: () => ({ ...counts }),
    reset: () => Object.assign(counts, { reads: 0, writes: 0, queries: 0, returned: 0, bytesRead: 0, bytesWritten: 0 }),
  };
}
