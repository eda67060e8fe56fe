import Database from 'better-sqlite3';
import { COLLECTIONS, type CollectionSpec } from '../schema';
import {
  ConflictError,
  isIncrement,
  type Condition,
  type Doc,
  type Patch,
  type Query,
  type Range,
  type Scalar,
  type Store,
  type Transaction,
} from '../port';

/**
 * The embedded store for the local runtime and tests: one table per collection holding JSON
 * documents, with expression indexes from database/collections.json.
 *
 * Transactions are optimistic, like the cloud's: reads go to committed data, writes are
 * buffered, and the commit (one synchronous SQLite transaction, so nothing interleaves) fails
 * if any document the callback read or wrote was committed by someone else since it started.
 * The callback then runs again. Every document carries `_v`, the commit sequence that last
 * wrote it.
 */
const MAX_ATTEMPTS = 50;

type Row = { _id: string; _v: number; data: string };

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly known: Set<string>;
  private readonly statements = new Map<string, Database.Statement>();
  private sequence: number;

  constructor(file: string, collections: CollectionSpec[] = COLLECTIONS) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode keeps every committed transaction across a process crash (kill -9);
    // only an OS crash or power loss can drop the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.known = new Set(collections.map((c) => c.name));
    for (const collection of collections) this.createCollection(collection);
    this.sequence = Math.max(
      0,
      ...collections.map((c) => (this.db.prepare(`SELECT max(_v) AS v FROM "${c.name}"`).get() as { v: number | null }).v ?? 0),
    );
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const tx = new BufferedTransaction(this, this.sequence);
      let result: T;
      try {
        result = await work(tx);
      } catch (error) {
        if (!(error instanceof StaleSnapshot)) throw error;
        await nextTurn();
        continue;
      }
      if (this.commit(tx)) return result;
      await nextTurn();
    }
    throw new ConflictError();
  }

  async get<T = Doc>(collection: string, id: string): Promise<(T & { _id: string }) | null> {
    const row = this.readRow(collection, id);
    return row ? (parse(row) as T & { _id: string }) : null;
  }

  async find<T = Doc>(collection: string, query: Query): Promise<Array<T & { _id: string }>> {
    this.check(collection);
    const params: unknown[] = [];
    const clauses = Object.entries(query.where).map(([field, condition]) => whereClause(field, condition, params));
    const order = (query.orderBy ?? []).map(([field, dir]) => `${column(field)} ${dir === 'desc' ? 'DESC' : 'ASC'}`);
    let sql = `SELECT _id, _v, data FROM "${collection}"`;
    if (clauses.length) sql += ` WHERE ${clauses.join(' AND ')}`;
    if (order.length) sql += ` ORDER BY ${order.join(', ')}`;
    if (query.limit !== undefined) sql += ` LIMIT ${Math.max(0, Math.floor(query.limit))}`;
    return (this.statement(sql).all(...params) as Row[]).map((row) => parse(row) as T & { _id: string });
  }

  close(): void {
    this.db.close();
  }

  /** @internal */
  readRow(collection: string, id: string): Row | undefined {
    this.check(collection);
    return this.statement(`SELECT _id, _v, data FROM "${collection}" WHERE _id = ?`).get(id) as Row | undefined;
  }

  private commit(tx: BufferedTransaction): boolean {
    return this.db.transaction(() => {
      for (const key of tx.touched) {
        const [collection, id] = splitKey(key);
        const row = this.readRow(collection, id);
        if (row && row._v > tx.snapshot) return false;
      }
      if (tx.writes.size === 0) return true;
      const version = ++this.sequence;
      for (const [key, write] of tx.writes) {
        const [collection, id] = splitKey(key);
        const current = this.readRow(collection, id);
        const data = write.kind === 'set' ? write.data : applyPatch(current, write.patches, collection, id);
        this.statement(`INSERT INTO "${collection}" (_id, _v, data) VALUES (?, ?, ?) ON CONFLICT(_id) DO UPDATE SET _v = excluded._v, data = excluded.data`).run(
          id,
          version,
          JSON.stringify(data),
        );
      }
      return true;
    }).immediate();
  }

  /** @internal */
  check(collection: string): void {
    if (!this.known.has(collection)) throw new Error(`unknown collection ${collection}`);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private createCollection(spec: CollectionSpec): void {
    this.db.exec(`CREATE TABLE IF NOT EXISTS "${spec.name}" (_id TEXT PRIMARY KEY, _v INTEGER NOT NULL, data TEXT NOT NULL)`);
    for (const index of spec.indexes) {
      const columns = index.fields.map(([field, dir]) => `${column(field)} ${dir === 'desc' ? 'DESC' : 'ASC'}`);
      this.db.exec(`CREATE INDEX IF NOT EXISTS "${spec.name}_${index.name}" ON "${spec.name}" (${columns.join(', ')})`);
    }
  }
}

class StaleSnapshot extends Error {}

/** Lets the transaction that won finish its work before trying again. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

type BufferedWrite = { kind: 'set'; data: Doc } | { kind: 'update'; patches: Patch[] };

class BufferedTransaction implements Transaction {
  readonly touched = new Set<string>();
  readonly writes = new Map<string, BufferedWrite>();

  constructor(
    private readonly store: SqliteStore,
    readonly snapshot: number,
  ) {}

  async get<T = Doc>(collection: string, id: string): Promise<(T & { _id: string }) | null> {
    this.touched.add(key(collection, id));
    const row = this.store.readRow(collection, id);
    // Someone committed this document after our snapshot: start over rather than decide on a mix.
    if (row && row._v > this.snapshot) throw new StaleSnapshot();
    return row ? (parse(row) as T & { _id: string }) : null;
  }

  async set(collection: string, id: string, data: object): Promise<void> {
    this.store.check(collection);
    this.touched.add(key(collection, id));
    this.writes.set(key(collection, id), { kind: 'set', data: withoutId(data) });
  }

  async update(collection: string, id: string, patch: Patch): Promise<void> {
    this.store.check(collection);
    const k = key(collection, id);
    this.touched.add(k);
    const pending = this.writes.get(k);
    if (pending?.kind === 'set') pending.data = applyPatch({ _id: id, _v: 0, data: JSON.stringify(pending.data) }, [patch], collection, id);
    else this.writes.set(k, { kind: 'update', patches: [...(pending?.patches ?? []), patch] });
  }
}

function applyPatch(row: Row | undefined, patches: Patch[], collection: string, id: string): Doc {
  if (!row) throw new Error(`update of missing document ${collection}/${id}`);
  const data = JSON.parse(row.data) as Doc;
  for (const patch of patches) {
    for (const [field, value] of Object.entries(patch)) {
      data[field] = isIncrement(value) ? Number(data[field] ?? 0) + value.$inc : value;
    }
  }
  return data;
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`;
const splitKey = (k: string) => k.split('\u0000') as [string, string];

function withoutId(data: object): Doc {
  const { _id: _ignored, ...rest } = data as Doc;
  return rest;
}

function parse(row: Row): Doc {
  return { ...(JSON.parse(row.data) as Doc), _id: row._id };
}

function column(field: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`bad field name ${field}`);
  return field === '_id' ? '_id' : `json_extract(data, '$.${field}')`;
}

function bind(value: Scalar): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function whereClause(field: string, condition: Condition, params: unknown[]): string {
  const col = column(field);
  if (condition === null) return `${col} IS NULL`;
  if (typeof condition !== 'object') {
    params.push(bind(condition));
    return `${col} = ?`;
  }
  const range = condition as Range;
  const parts: string[] = [];
  const ops: Array<[keyof Range, string]> = [
    ['gt', '>'],
    ['gte', '>='],
    ['lt', '<'],
    ['lte', '<='],
  ];
  for (const [op, sql] of ops) {
    if (range[op] !== undefined) {
      params.push(bind(range[op] as Scalar));
      parts.push(`${col} ${sql} ?`);
    }
  }
  if (range.in) {
    params.push(...range.in.map(bind));
    parts.push(range.in.length ? `${col} IN (${range.in.map(() => '?').join(', ')})` : '0');
  }
  return parts.length ? parts.join(' AND ') : '1';
}
