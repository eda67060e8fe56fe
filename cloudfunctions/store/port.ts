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

/** A query over one collection's documents of type T: fields by name (and `_id`). */
export interface Query<T = Doc> {
  where: { [F in keyof T | '_id']?: Condition };
  orderBy?: Array<[field: (keyof T & string) | '_id', direction: 'asc' | 'desc']>;
  limit?: number;
  /** Read only these fields (and `_id`); see Store.find. */
  fields?: ReadonlyArray<keyof T & string>;
}

/** Adds `by` to a numeric field atomically (the cloud's `_.inc`). */
export interface Increment {
  readonly $inc: number;
}
export const increment = (by: number): Increment => ({ $inc: by });
export const isIncrement = (value: unknown): value is Increment => typeof value === 'object' && value !== null && '$inc' in value;

/** New values for some top-level fields of a T (a number may be incremented instead). */
export type Patch<T = Doc> = { [F in keyof T]?: T[F] | (T[F] extends number | undefined ? Increment : never) };

export type Doc = Record<string, unknown>;

/** A document as read back: its fields and its id. */
export type Found<T> = T & { _id: string };

/**
 * Collection name -> document type. Use cases see a Store over their own map, so
 * `tx.get('members', id)` is a member without a cast; an adapter stores any JSON document.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an adapter's map: any JSON document, typed by the app's own map
export type DocMap = { [collection: string]: any };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped unless given the app's map
export interface Transaction<C extends DocMap = any> {
  get<K extends keyof C & string>(collection: K, id: string): Promise<Found<C[K]> | null>;
  /** Creates or replaces the whole document. */
  set<K extends keyof C & string>(collection: K, id: string, data: C[K]): Promise<void>;
  /** Changes the named top-level fields of an existing document. */
  update<K extends keyof C & string>(collection: K, id: string, patch: Patch<C[K]>): Promise<void>;
  /**
   * Creates a document whose id must be new (the cloud's `add` with an `_id`). An id already
   * taken fails the whole transaction with DuplicateError: an immutable record (a ledger entry,
   * an order) is never replaced, and a replayed request finds the first one's record.
   */
  create<K extends keyof C & string>(collection: K, id: string, data: C[K]): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped unless given the app's map
export interface Store<C extends DocMap = any> {
  /** Runs `work` atomically; retried on conflict; throws ConflictError when retries run out. */
  transaction<T>(work: (tx: Transaction<C>) => Promise<T>): Promise<T>;
  get<K extends keyof C & string>(collection: K, id: string): Promise<Found<C[K]> | null>;
  /**
   * With `omit`, those fields are left unread (the cloud's `field({f: false})`): a read that has
   * no use for the bulky part of a document (a member's expiry lots) does not pay for it.
   */
  get<K extends keyof C & string, F extends keyof C[K] & string>(
    collection: K,
    id: string,
    options: { omit: readonly F[] },
  ): Promise<Found<Omit<C[K], F>> | null>;
  /**
   * With `fields`, only those fields (and `_id`) are read: a list reads what it shows, not whole
   * documents (the cloud's `field()`). A field the document lacks reads as absent or null.
   */
  find<K extends keyof C & string, F extends keyof C[K] & string>(
    collection: K,
    query: Query<C[K]> & { fields: readonly F[] },
  ): Promise<Array<Found<Pick<C[K], F>>>>;
  find<K extends keyof C & string>(collection: K, query: Query<C[K]>): Promise<Array<Found<C[K]>>>;
  /**
   * How many documents match (the cloud's `where().count()`): counted by the database over an
   * index, reading no documents. For jobs, not requests: its cost grows with what it counts.
   */
  count<K extends keyof C & string>(collection: K, where: Query<C[K]>['where']): Promise<number>;
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
