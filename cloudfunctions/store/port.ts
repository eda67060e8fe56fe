/**
 * The Store port: a document database with transactions shaped by the WeChat cloud database's
 * rules, so a use case that works on one adapter works on the other:
 *  - inside a transaction only reads and writes of documents addressed by id;
 *  - the callback may run more than once (conflicts are retried), so it must have no side effects;
 *  - queries (where/orderBy/limit) only outside transactions.
 */
export type Scalar = string | number | boolean | null;

export interface Range {
  gt?: Scalar;
  gte?: Scalar;
  lt?: Scalar;
  lte?: Scalar;
  in?: Scalar[];
}

export type Condition = Scalar | Range;

export interface Query {
  where: Record<string, Condition>;
  orderBy?: Array<[field: string, direction: 'asc' | 'desc']>;
  limit?: number;
}

/** Adds `by` to a numeric field atomically (the cloud's `_.inc`). */
export interface Increment {
  readonly $inc: number;
}
export const increment = (by: number): Increment => ({ $inc: by });
export const isIncrement = (value: unknown): value is Increment =>
  typeof value === 'object' && value !== null && '$inc' in value;

export type Patch = Record<string, unknown | Increment>;

export type Doc = Record<string, unknown>;

export interface Transaction {
  get<T = Doc>(collection: string, id: string): Promise<(T & { _id: string }) | null>;
  /** Creates or replaces the whole document. */
  set(collection: string, id: string, data: object): Promise<void>;
  /** Changes the named top-level fields of an existing document. */
  update(collection: string, id: string, patch: Patch): Promise<void>;
  /**
   * Creates a document whose id must be new (the cloud's `add` with an `_id`). An id already
   * taken fails the whole transaction with DuplicateError: an immutable record (a ledger entry,
   * an order) is never replaced, and a replayed request finds the first one's record.
   */
  create(collection: string, id: string, data: object): Promise<void>;
}

export interface Store {
  /** Runs `work` atomically; retried on conflict; throws ConflictError when retries run out. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  get<T = Doc>(collection: string, id: string): Promise<(T & { _id: string }) | null>;
  find<T = Doc>(collection: string, query: Query): Promise<Array<T & { _id: string }>>;
  close?(): void | Promise<void>;
}

/** A create-only write found its id taken; nothing of the transaction was written. */
export class DuplicateError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`document ${collection}/${id} already exists`);
    this.name = 'DuplicateError';
  }
}

/** The database could not settle a race within its retries; the caller may try again. */
export class ConflictError extends Error {
  constructor(message = 'transaction conflict') {
    super(message);
    this.name = 'ConflictError';
  }
}
