import type { WxCollection, WxCommand, WxDatabase, WxDocRef, WxQuery, WxTransactionHandle } from './wxDatabase';

/**
 * An in-memory double of the wx-server-sdk database, for tests and the bench. It enforces the
 * rules of the real one that shape our code:
 *  - snapshot reads: a transaction sees the data as of its start (multi-version history);
 *  - only doc().get/set/update inside a transaction — where() throws;
 *  - write-write conflicts: the first committer wins, the loser's callback runs again, and
 *    after `times` retries runTransaction rejects with DATABASE_TRANSACTION_CONFLICT;
 *  - doc(id).get() of a missing document rejects, as the SDK does;
 *  - every call yields to the event loop, so concurrent callers really interleave.
 * It counts document operations so the bench can report reads/writes per action.
 */
type Version = { seq: number; data: Record<string, unknown> | null };
type Op = { $op: 'inc' | 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'and'; value: unknown };

export interface OperationCounts {
  /** Document reads and writes, in and out of transactions. */
  reads: number;
  writes: number;
  /** The subset made inside transactions. */
  txReads: number;
  txWrites: number;
  queries: number;
  transactions: number;
  attempts: number;
}

const DEFAULT_QUERY_LIMIT = 100;
const MAX_QUERY_LIMIT = 1000;

class TransactionConflict extends Error {
  readonly errCode = -502011;
  constructor() {
    super('DATABASE_TRANSACTION_CONFLICT: database transaction conflict');
  }
}

const op =
  ($op: Op['$op']) =>
  (value: unknown): Op => ({ $op, value });

export const memoryCommand: WxCommand = {
  inc: op('inc'),
  eq: op('eq'),
  gt: op('gt'),
  gte: op('gte'),
  lt: op('lt'),
  lte: op('lte'),
  in: op('in'),
  and: (...conditions: unknown[]) => ({ $op: 'and', value: conditions }),
};

const isOp = (value: unknown): value is Op => typeof value === 'object' && value !== null && '$op' in value;
const tick = () => new Promise((resolve) => setImmediate(resolve));
const clone = <T>(value: T): T => structuredClone(value);

export class MemoryWxDatabase implements WxDatabase {
  readonly command = memoryCommand;
  readonly counts: OperationCounts = { reads: 0, writes: 0, txReads: 0, txWrites: 0, queries: 0, transactions: 0, attempts: 0 };
  private readonly docs = new Map<string, Version[]>();
  private sequence = 0;

  collection(name: string): WxCollection {
    return new MemoryCollection(this, name);
  }

  async runTransaction<T>(callback: (transaction: WxTransactionHandle) => Promise<T>, times = 3): Promise<T> {
    this.counts.transactions++;
    for (let attempt = 0; attempt <= times; attempt++) {
      this.counts.attempts++;
      const tx = new MemoryTransaction(this, this.sequence);
      try {
        const result = await callback(tx);
        await tick();
        this.commit(tx);
        return result;
      } catch (error) {
        if (!(error instanceof TransactionConflict)) throw error;
      }
    }
    throw new TransactionConflict();
  }

  resetCounts(): void {
    Object.assign(this.counts, { reads: 0, writes: 0, txReads: 0, txWrites: 0, queries: 0, transactions: 0, attempts: 0 });
  }

  /** @internal the version of a document visible at `seq` */
  read(collection: string, id: string, seq = Infinity): Record<string, unknown> | null {
    const versions = this.docs.get(`${collection}/${id}`) ?? [];
    for (let i = versions.length - 1; i >= 0; i--) if (versions[i].seq <= seq) return versions[i].data;
    return null;
  }

  /** @internal */
  latestSeq(collection: string, id: string): number {
    return this.docs.get(`${collection}/${id}`)?.at(-1)?.seq ?? 0;
  }

  /** @internal a single-document write outside a transaction */
  writeNow(collection: string, id: string, data: Record<string, unknown> | null): void {
    this.append(collection, id, data, ++this.sequence);
  }

  /** @internal all current documents of a collection */
  scan(collection: string): Array<Record<string, unknown>> {
    const rows: Array<Record<string, unknown>> = [];
    for (const [key, versions] of this.docs) {
      const data = versions.at(-1)?.data;
      if (data && key.startsWith(`${collection}/`)) rows.push(data);
    }
    return rows;
  }

  private commit(tx: MemoryTransaction): void {
    for (const key of tx.writes.keys()) {
      const [collection, id] = splitKey(key);
      if (this.latestSeq(collection, id) > tx.snapshot) throw new TransactionConflict();
    }
    const seq = ++this.sequence;
    for (const [key, data] of tx.writes) {
      const [collection, id] = splitKey(key);
      this.append(collection, id, data, seq);
    }
  }

  private append(collection: string, id: string, data: Record<string, unknown> | null, seq: number): void {
    const key = `${collection}/${id}`;
    const versions = this.docs.get(key) ?? [];
    versions.push({ seq, data: data && clone({ ...data, _id: id }) });
    this.docs.set(key, versions.slice(-8));
  }
}

const splitKey = (key: string): [string, string] => {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
};

class MemoryTransaction implements WxTransactionHandle {
  readonly writes = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly db: MemoryWxDatabase,
    readonly snapshot: number,
  ) {}

  collection(name: string): { doc(id: string): WxDocRef } {
    return {
      doc: (id: string) => this.docRef(name, id),
      where: () => {
        throw new Error('where() is not available inside a database transaction; address documents by id');
      },
    } as { doc(id: string): WxDocRef };
  }

  private docRef(collection: string, id: string): WxDocRef {
    const key = `${collection}/${id}`;
    const current = () => (this.writes.has(key) ? this.writes.get(key)! : this.db.read(collection, id, this.snapshot));
    const guardWrite = () => {
      // Mongo-style eager detection: a document committed by someone else since our snapshot.
      if (this.db.latestSeq(collection, id) > this.snapshot) throw new TransactionConflict();
    };
    return {
      get: async () => {
        await tick();
        this.db.counts.reads++;
        this.db.counts.txReads++;
        const data = this.db.read(collection, id, this.snapshot);
        if (!data) throw new Error(`document.get:fail document with _id ${id} does not exist`);
        return { data: clone(data) };
      },
      set: async ({ data }) => {
        await tick();
        this.db.counts.writes++;
        this.db.counts.txWrites++;
        if ('_id' in data) throw new Error('document.set:fail data must not contain _id');
        guardWrite();
        this.writes.set(key, clone(data));
        return { _id: id, stats: { updated: 1 } };
      },
      update: async ({ data }) => {
        await tick();
        this.db.counts.writes++;
        this.db.counts.txWrites++;
        guardWrite();
        const base = current();
        if (!base) return { stats: { updated: 0 } };
        this.writes.set(key, applyUpdate(base, data));
        return { stats: { updated: 1 } };
      },
    };
  }
}

class MemoryCollection implements WxCollection {
  constructor(
    private readonly db: MemoryWxDatabase,
    private readonly name: string,
    private readonly condition: Record<string, unknown> = {},
    private readonly order: Array<[string, 'asc' | 'desc']> = [],
    private readonly max = DEFAULT_QUERY_LIMIT,
  ) {}

  doc(id: string): WxDocRef {
    const { db, name } = this;
    return {
      get: async () => {
        await tick();
        db.counts.reads++;
        const data = db.read(name, id);
        if (!data) throw new Error(`document.get:fail document with _id ${id} does not exist`);
        return { data: clone(data) };
      },
      set: async ({ data }) => {
        await tick();
        db.counts.writes++;
        db.writeNow(name, id, data);
        return { _id: id };
      },
      update: async ({ data }) => {
        await tick();
        db.counts.writes++;
        const base = db.read(name, id);
        if (!base) return { stats: { updated: 0 } };
        db.writeNow(name, id, applyUpdate(base, data));
        return { stats: { updated: 1 } };
      },
    };
  }

  where(condition: Record<string, unknown>): WxQuery {
    return new MemoryCollection(this.db, this.name, { ...this.condition, ...condition }, this.order, this.max);
  }

  orderBy(field: string, direction: 'asc' | 'desc'): WxQuery {
    return new MemoryCollection(this.db, this.name, this.condition, [...this.order, [field, direction]], this.max);
  }

  limit(n: number): WxQuery {
    return new MemoryCollection(this.db, this.name, this.condition, this.order, Math.min(n, MAX_QUERY_LIMIT));
  }

  async get(): Promise<{ data: Array<Record<string, unknown>> }> {
    await tick();
    this.db.counts.queries++;
    const rows = this.db.scan(this.name).filter((doc) => Object.entries(this.condition).every(([f, c]) => matches(doc[f], c)));
    rows.sort((a, b) => {
      for (const [field, direction] of this.order) {
        const order = compare(a[field], b[field]);
        if (order !== 0) return direction === 'desc' ? -order : order;
      }
      return 0;
    });
    return { data: rows.slice(0, this.max).map(clone) };
  }
}

function applyUpdate(base: Record<string, unknown>, data: Record<string, unknown>): Record<string, unknown> {
  const next = clone(base);
  delete next._id;
  for (const [field, value] of Object.entries(data)) {
    next[field] = isOp(value) && value.$op === 'inc' ? Number(next[field] ?? 0) + Number(value.value) : value;
  }
  return next;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  return (a as number) < (b as number) ? -1 : 1;
}

function matches(value: unknown, condition: unknown): boolean {
  if (!isOp(condition)) return value === condition || (condition === null && value === undefined);
  const v = condition.value;
  switch (condition.$op) {
    case 'eq':
      return value === v;
    case 'gt':
      return value !== undefined && value !== null && compare(value, v) > 0;
    case 'gte':
      return value !== undefined && value !== null && compare(value, v) >= 0;
    case 'lt':
      return value !== undefined && value !== null && compare(value, v) < 0;
    case 'lte':
      return value !== undefined && value !== null && compare(value, v) <= 0;
    case 'in':
      return (v as unknown[]).includes(value);
    case 'and':
      return (v as unknown[]).every((part) => matches(value, part));
    default:
      throw new Error(`unsupported command ${condition.$op}`);
  }
}
