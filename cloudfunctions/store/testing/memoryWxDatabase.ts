import type { CollectionSpec } from '../schema';
import { coveringIndex } from '../wxcloud/indexCoverage';
import type { WxCollection, WxCommand, WxDatabase, WxDocRef, WxDocument, WxQuery, WxTransactionHandle } from '../wxcloud/wxDatabase';

/**
 * An in-memory double of the wx-server-sdk database, for tests and the bench. It enforces the
 * rules of the real one that shape our code:
 *  - snapshot reads: a transaction sees the data as of its start (multi-version history);
 *  - only doc().get/set/update and collection.add inside a transaction — where() throws;
 *  - write-write conflicts, reported as wx-server-sdk 4.0.2 reports them (read in its source):
 *    a write to a document someone committed since our snapshot fails at once with an Error
 *    carrying a numeric errCode (-501001) and no `.code`, which runTransaction does not retry;
 *    losing the race at commit rejects with `{code: 'DATABASE_TRANSACTION_CONFLICT'}`, which
 *    runTransaction (@cloudbase/database) retries `times` times before rethrowing it;
 *  - add() of an _id that exists fails (a duplicate key), never replaces;
 *  - doc(id).get() of a missing document rejects, as the SDK does;
 *  - update() reports `updated: 0` for a missing document and for a write that changes nothing;
 *  - documents are JSON (a JSON copy in and out, as over the wire);
 *  - every call yields to the event loop, so concurrent callers really interleave.
 * It counts document operations so the bench can report reads/writes per action.
 */
type Version = { seq: number; data: Record<string, unknown> | null };
type Op = { $op: 'inc' | 'set' | 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'and'; value: unknown };

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
  /** Conflicts reported, at a write or at commit. */
  conflicts: number;
}

const DEFAULT_QUERY_LIMIT = 100;
const MAX_QUERY_LIMIT = 1000;

const CONFLICT_MESSAGE = '[ResourceUnavailable.TransactionConflict] Transaction is conflicted. Please retry.';

/** What the SDK's document wrapper makes of a conflicting write: toSDKError(maybeTransformError(res)). */
function writeConflict(api: string): Error {
  const error = new Error(`${api}:fail -501001 resource system error. ${CONFLICT_MESSAGE}`) as Error & { errCode: number; errMsg: string };
  error.errCode = -501001;
  error.errMsg = error.message;
  return error;
}

/** What @cloudbase/database's commit throws when the server refuses it: the raw response. */
const commitConflict = () => ({ code: 'DATABASE_TRANSACTION_CONFLICT', message: CONFLICT_MESSAGE, requestId: 'memory' });

function duplicateKey(collection: string, id: string): Error {
  const error = new Error(
    `collection.add:fail -502001 database request fail. [FailedOperation] E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${id}" }`,
  ) as Error & { errCode: number; errMsg: string };
  error.errCode = -502001;
  error.errMsg = error.message;
  return error;
}

const op =
  ($op: Op['$op']) =>
  (value: unknown): Op => ({ $op, value });

export const memoryCommand: WxCommand = {
  inc: op('inc'),
  set: op('set'),
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
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));
/**
 * `stats.updated` counts documents the write modified, as MongoDB's modifiedCount (the server's
 * `updated`, passed through by wx-server-sdk): an update that changes nothing reports 0, like a
 * missing document does.
 */
const changed = ({ _id: _ignored, ...before }: Record<string, unknown>, after: Record<string, unknown>): number =>
  JSON.stringify(before) === JSON.stringify(after) ? 0 : 1;

/**
 * A clock that advances only with the database's work: `msPerOperation` for every document
 * read, write and query, about what one costs from a cloud function. A job's time budget on
 * this clock says how much it gets done in a real invocation.
 */
export const simulatedCloudClock =
  (db: MemoryWxDatabase, msPerOperation = 25) =>
  () =>
    (db.counts.reads + db.counts.writes + db.counts.queries) * msPerOperation;

export class MemoryWxDatabase implements WxDatabase {
  readonly command = memoryCommand;
  readonly counts: OperationCounts = {
    reads: 0,
    writes: 0,
    txReads: 0,
    txWrites: 0,
    queries: 0,
    transactions: 0,
    attempts: 0,
    conflicts: 0,
  };
  private readonly docs = new Map<string, Version[]>();
  private sequence = 0;
  /** Calls under way now, and the most there have been at once (the cloud allows a function 20 connections). */
  private inFlight = 0;
  peakInFlight = 0;

  /**
   * With `maxInFlight`, a call beyond that many at once fails, as a database out of connections
   * would; with `indexes` (database/collections.json), a query no declared index answers fails.
   */
  constructor(readonly options: { maxInFlight?: number; indexes?: readonly CollectionSpec[] } = {}) {}

  /** @internal one call to the database: it yields to the event loop, so concurrent callers really interleave. */
  async roundTrip(): Promise<void> {
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    try {
      if (this.options.maxInFlight !== undefined && this.inFlight > this.options.maxInFlight) {
        throw Object.assign(new Error(`database request fail: ${this.inFlight} calls at once, more than ${this.options.maxInFlight}`), {
          errCode: -502003,
        });
      }
      await tick();
    } finally {
      this.inFlight--;
    }
  }

  collection(name: string): WxCollection {
    return new MemoryCollection(this, name);
  }

  /** As @cloudbase/database's: only an error whose `code` says conflict is retried, `times` times. */
  async runTransaction<T>(callback: (transaction: WxTransactionHandle) => Promise<T>, times = 3): Promise<T> {
    this.counts.transactions++;
    for (let left = times; ; left--) {
      const tx = this.begin();
      try {
        const result = await callback(tx.handle);
        await this.roundTrip();
        tx.commit();
        return result;
      } catch (error) {
        if (left <= 0 || (error as { code?: string } | null)?.code !== 'DATABASE_TRANSACTION_CONFLICT') throw error;
      }
    }
  }

  /** A transaction begun on its own and committed when told (what the wire's startTransaction and commitTransaction do). */
  begin(): { handle: WxTransactionHandle; commit(): void } {
    this.counts.attempts++;
    const tx = new MemoryTransaction(this, this.sequence);
    return { handle: tx, commit: () => this.commit(tx) };
  }

  resetCounts(): void {
    Object.assign(this.counts, { reads: 0, writes: 0, txReads: 0, txWrites: 0, queries: 0, transactions: 0, attempts: 0, conflicts: 0 });
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
      if (this.latestSeq(collection, id) > tx.snapshot) {
        this.counts.conflicts++;
        throw commitConflict();
      }
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

  collection(name: string): ReturnType<WxTransactionHandle['collection']> {
    return {
      doc: (id: string) => this.docRef(name, id),
      add: async ({ data }: { data: Record<string, unknown> }) => {
        await this.db.roundTrip();
        this.db.counts.writes++;
        this.db.counts.txWrites++;
        const { _id: id, ...rest } = data;
        if (typeof id !== 'string') throw new Error('collection.add: this double needs an explicit _id');
        const key = `${name}/${id}`;
        if (this.db.latestSeq(name, id) > this.snapshot) {
          this.db.counts.conflicts++;
          throw writeConflict('collection.add');
        }
        if (this.writes.has(key) || this.db.read(name, id, this.snapshot)) throw duplicateKey(name, id);
        this.writes.set(key, clone(rest));
        return { _id: id };
      },
      where: () => {
        throw new Error('where() is not available inside a database transaction; address documents by id');
      },
    } as ReturnType<WxTransactionHandle['collection']>;
  }

  private docRef(collection: string, id: string): WxDocRef {
    const key = `${collection}/${id}`;
    const current = () => (this.writes.has(key) ? this.writes.get(key)! : this.db.read(collection, id, this.snapshot));
    const guardWrite = (api: string) => {
      // Mongo-style eager detection: a document committed by someone else since our snapshot.
      if (this.db.latestSeq(collection, id) > this.snapshot) {
        this.db.counts.conflicts++;
        throw writeConflict(api);
      }
    };
    return {
      get: async () => {
        await this.db.roundTrip();
        this.db.counts.reads++;
        this.db.counts.txReads++;
        const data = this.db.read(collection, id, this.snapshot);
        if (!data) throw new Error(`document.get:fail document with _id ${id} does not exist`);
        return { data: clone(data) };
      },
      set: async ({ data }) => {
        await this.db.roundTrip();
        this.db.counts.writes++;
        this.db.counts.txWrites++;
        if ('_id' in data) throw new Error('document.set:fail data must not contain _id');
        guardWrite('document.set');
        this.writes.set(key, clone(data));
        return { _id: id, stats: { updated: 1 } };
      },
      update: async ({ data }) => {
        await this.db.roundTrip();
        this.db.counts.writes++;
        this.db.counts.txWrites++;
        guardWrite('document.update');
        const base = current();
        if (!base) return { stats: { updated: 0 } };
        const next = applyUpdate(base, data);
        this.writes.set(key, next);
        return { stats: { updated: changed(base, next) } };
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
    private readonly projection: string[] | null = null,
  ) {}

  doc(id: string): WxDocument {
    const { db, name } = this;
    const read = async (omit: string[]) => {
      await db.roundTrip();
      db.counts.reads++;
      const data = db.read(name, id);
      if (!data) throw new Error(`document.get:fail document with _id ${id} does not exist`);
      return { data: clone(Object.fromEntries(Object.entries(data).filter(([field]) => !omit.includes(field)))) };
    };
    return {
      get: () => read([]),
      /** Exclusions only (`{f: false}`), the one form this project uses. */
      field: (projection) => {
        if (Object.values(projection).some(Boolean)) throw new Error('the double supports field() exclusions on a document only');
        return { get: () => read(Object.keys(projection)) };
      },
      set: async ({ data }) => {
        await db.roundTrip();
        db.counts.writes++;
        db.writeNow(name, id, data);
        return { _id: id };
      },
      update: async ({ data }) => {
        await db.roundTrip();
        db.counts.writes++;
        const base = db.read(name, id);
        if (!base) return { stats: { updated: 0 } };
        const next = applyUpdate(base, data);
        db.writeNow(name, id, next);
        return { stats: { updated: changed(base, next) } };
      },
    };
  }

  where(condition: Record<string, unknown>): WxQuery {
    return new MemoryCollection(this.db, this.name, { ...this.condition, ...condition }, this.order, this.max, this.projection);
  }

  orderBy(field: string, direction: 'asc' | 'desc'): WxQuery {
    return new MemoryCollection(this.db, this.name, this.condition, [...this.order, [field, direction]], this.max, this.projection);
  }

  limit(n: number): WxQuery {
    return new MemoryCollection(this.db, this.name, this.condition, this.order, Math.min(n, MAX_QUERY_LIMIT), this.projection);
  }

  /** Only these fields and _id, as the SDK's field(). */
  field(projection: Record<string, true>): WxQuery {
    return new MemoryCollection(this.db, this.name, this.condition, this.order, this.max, Object.keys(projection));
  }

  /** The cloud scans a collection for a query no index answers: the double refuses it, so a missing index shows in tests. */
  private requireIndex(): void {
    const { indexes } = this.db.options;
    if (
      indexes &&
      !coveringIndex(
        indexes.find((spec) => spec.name === this.name),
        this.condition,
        this.order,
      )
    ) {
      throw new Error(
        `no index of database/collections.json answers ${this.name} where ${JSON.stringify(this.condition)} orderBy ${JSON.stringify(this.order)}`,
      );
    }
  }

  async count(): Promise<{ total: number }> {
    this.requireIndex();
    await this.db.roundTrip();
    this.db.counts.queries++;
    return { total: this.matching().length };
  }

  private matching(): Array<Record<string, unknown>> {
    return this.db.scan(this.name).filter((doc) => Object.entries(this.condition).every(([f, c]) => matches(doc[f], c)));
  }

  async get(): Promise<{ data: Array<Record<string, unknown>> }> {
    this.requireIndex();
    await this.db.roundTrip();
    this.db.counts.queries++;
    const rows = this.matching();
    rows.sort((a, b) => {
      for (const [field, direction] of this.order) {
        const order = compare(a[field], b[field]);
        if (order !== 0) return direction === 'desc' ? -order : order;
      }
      return 0;
    });
    const pick = (doc: Record<string, unknown>) =>
      this.projection ? Object.fromEntries(['_id', ...this.projection].filter((f) => f in doc).map((f) => [f, doc[f]])) : doc;
    return { data: rows.slice(0, this.max).map((doc) => clone(pick(doc))) };
  }
}

/**
 * update() as the SDK sends it: `_.inc` adds, `_.set` replaces the field whole, and a plain
 * object is flattened to dot paths — merged into the stored object key by key, an empty one
 * changing nothing — while arrays and other values replace.
 */
function applyUpdate(base: Record<string, unknown>, data: Record<string, unknown>): Record<string, unknown> {
  const next = clone(base);
  delete next._id;
  const merge = (into: Record<string, unknown>, value: Record<string, unknown>) => {
    for (const [key, inner] of Object.entries(value)) {
      if (isPlainObject(inner) && !isOp(inner) && !Object.keys(inner).length) continue;
      if (isPlainObject(inner) && !isOp(inner))
        merge((into[key] = isPlainObject(into[key]) ? into[key] : {}) as Record<string, unknown>, inner);
      else into[key] = inner;
    }
  };
  for (const [field, value] of Object.entries(data)) {
    if (isOp(value) && value.$op === 'inc') next[field] = Number(next[field] ?? 0) + Number(value.value);
    else if (isOp(value) && value.$op === 'set') next[field] = clone(value.value);
    else if (isPlainObject(value) && !Object.keys(value).length) continue;
    else if (isPlainObject(value)) merge((next[field] = isPlainObject(next[field]) ? next[field] : {}) as Record<string, unknown>, value);
    else next[field] = value;
  }
  return next;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
