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
  get(): Promise<{ data: Array<Record<string, unknown>> }>;
}

export interface WxCollection extends WxQuery {
  doc(id: string): WxDocRef;
}

export interface WxTransactionHandle {
  collection(name: string): { doc(id: string): WxDocRef };
}

export interface WxCommand {
  inc(n: number): unknown;
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
 * How the SDK reports a transaction that lost its race after every retry. The cloud
 * database says DATABASE_TRANSACTION_CONFLICT (errCode -502011 in the SDK's error table).
 */
export const isTransactionConflict = (error: unknown): boolean =>
  /TRANSACTION_CONFLICT|transaction conflict|WriteConflict/i.test(String((error as { message?: string })?.message ?? error)) ||
  (error as { errCode?: number })?.errCode === -502011;

/** How the SDK reports `doc(id).get()` on a document that does not exist. */
export const isMissingDocument = (error: unknown): boolean =>
  /does not exist|not exist|DOCUMENT_NOT_FOUND/i.test(String((error as { message?: string })?.message ?? error));
