/**
 * The slice of the wx-server-sdk database API this project uses, as types. The real
 * `cloud.database()` satisfies it, and so does the in-memory double the tests use.
 */
export interface WxDocRef {
  get(): Promise<{ data: Record<string, unknown> | null }>;
  set(options: { data: Record<string, unknown> }): Promise<unknown>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
}

export interface WxQuery {
  where(condition: Record<string, unknown>): WxQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): WxQuery;
  limit(n: number): WxQuery;
  field(projection: Record<string, true>): WxQuery;
  get(): Promise<{ data: Array<Record<string, unknown>> }>;
  count(): Promise<{ total: number }>;
}

/** A document outside a transaction, which may also be read in part (`field({f: false})` leaves f out). */
export interface WxDocument extends WxDocRef {
  field(projection: Record<string, boolean>): Pick<WxDocRef, 'get'>;
}

export interface WxCollection extends WxQuery {
  doc(id: string): WxDocument;
}

export interface WxTransactionHandle {
  collection(name: string): { doc(id: string): WxDocRef; add(options: { data: Record<string, unknown> }): Promise<unknown> };
}

export interface WxCommand {
  inc(n: number): unknown;
  /** Replaces a field with this value whole (an object given plainly to update() is merged field by field). */
  set(value: unknown): unknown;
  eq(v: unknown): unknown;
  gt(v: unknown): unknown;
  gte(v: unknown): unknown;
  lt(v: unknown): unknown;
  lte(v: unknown): unknown;
  in(values: unknown[]): unknown;
  and(...conditions: unknown[]): unknown;
}

export interface WxDatabase {
  command: WxCommand;
  collection(name: string): WxCollection;
  runTransaction<T>(callback: (transaction: WxTransactionHandle) => Promise<T>, times?: number): Promise<T>;
}

/**
 * How wx-server-sdk 4.0.2 reports a transaction that lost a race (read in its source):
 *  - at commit, @cloudbase/database throws the server's raw response, `{code:
 *    'DATABASE_TRANSACTION_CONFLICT', message}` — the only shape its runTransaction retries;
 *  - at a write inside the callback, the SDK's document wrapper turns that response into an
 *    Error with a numeric errCode (the code is not in its table, so -501001) and the server's
 *    message in errMsg, with no `.code` — which nobody retries unless we do.
 * So the code is checked first, then the server's words, wherever they ended up.
 */
export const isTransactionConflict = (error: unknown): boolean => {
  const e = error as { code?: unknown; message?: unknown; errMsg?: unknown } | null;
  if (e?.code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  return /TransactionConflict|TRANSACTION_CONFLICT|transaction (is )?conflict|WriteConflict/i.test(
    `${e?.message ?? ''} ${e?.errMsg ?? ''}`,
  );
};

/** How the SDK reports add() of an _id that exists: the server's duplicate key error. */
export const isDuplicateKey = (error: unknown): boolean =>
  /E11000|duplicate key|DuplicateWrite|DUPLICATE/i.test(
    String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? error),
  );

/** How the SDK reports `doc(id).get()` on a document that does not exist. */
export const isMissingDocument = (error: unknown): boolean =>
  /does not exist|not exist|DOCUMENT_NOT_FOUND/i.test(String((error as { message?: string })?.message ?? error));
