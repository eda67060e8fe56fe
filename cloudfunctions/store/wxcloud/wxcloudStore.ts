import {
  ConflictError,
  DuplicateError,
  isIncrement,
  type Condition,
  type Doc,
  type Patch,
  type Query,
  type Range,
  type Store,
  type Transaction,
} from '../port';
import {
  isDuplicateKey,
  isMissingDocument,
  isTransactionConflict,
  type WxCommand,
  type WxDatabase,
  type WxDocRef,
  type WxTransactionHandle,
} from './wxDatabase';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The first pause; each next one doubles, up to maxDelayMs, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Ten attempts with pauses of up to 10, 20, 40, 80, then 150 ms: about a second in the worst
 * case, well inside a cloud function's 3 s, and enough for 20 members racing for one document.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 10, baseDelayMs: 10, maxDelayMs: 150 };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Store port on the WeChat cloud database (wx-server-sdk). Kept thin: translation only. */
export class WxCloudStore implements Store {
  constructor(
    private readonly db: WxDatabase,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  /**
   * The SDK retries only a conflict reported at commit, and never one reported at a write
   * (see isTransactionConflict), so it is told not to retry at all and every conflict is
   * retried here, the same way, with backoff; CONFLICT only when the attempts run out.
   */
  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.runTransaction((handle) => work(new WxTransaction(handle, this.db.command)), 0);
      } catch (error) {
        if (!isTransactionConflict(error)) throw error;
        if (attempt >= this.retry.attempts) throw new ConflictError(String((error as Error).message ?? error));
        await pause(Math.random() * Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1)));
      }
    }
  }

  async get<T = Doc>(collection: string, id: string, options?: { omit?: readonly string[] }): Promise<(T & { _id: string }) | null> {
    const doc = this.db.collection(collection).doc(id);
    const omit = options?.omit ?? [];
    return readDoc<T>(omit.length ? doc.field(Object.fromEntries(omit.map((f) => [f, false]))) : doc);
  }

  async find<T = Doc>(collection: string, query: Query): Promise<Array<T & { _id: string }>> {
    let cursor = this.db.collection(collection).where(this.conditions(query.where));
    for (const [field, direction] of query.orderBy ?? []) cursor = cursor.orderBy(field, direction);
    if (query.limit !== undefined) cursor = cursor.limit(query.limit);
    if (query.fields) cursor = cursor.field(Object.fromEntries(query.fields.map((f) => [f, true as const])));
    const { data } = await cursor.get();
    return data as Array<T & { _id: string }>;
  }

  async count(collection: string, where: Query['where']): Promise<number> {
    const { total } = await this.db.collection(collection).where(this.conditions(where)).count();
    return total;
  }

  private conditions(where: Query['where']): Record<string, unknown> {
    const _ = this.db.command;
    return Object.fromEntries(
      Object.entries(where)
        .filter((entry): entry is [string, Condition] => entry[1] !== undefined)
        .map(([field, condition]) => [field, toCommand(_, condition)]),
    );
  }
}

class WxTransaction implements Transaction {
  constructor(
    private readonly handle: WxTransactionHandle,
    private readonly command: WxCommand,
  ) {}

  get<T = Doc>(collection: string, id: string): Promise<(T & { _id: string }) | null> {
    return readDoc<T>(this.handle.collection(collection).doc(id));
  }

  async set(collection: string, id: string, data: object): Promise<void> {
    const { _id: _ignored, ...rest } = data as Doc;
    await this.handle.collection(collection).doc(id).set({ data: rest });
  }

  async create(collection: string, id: string, data: object): Promise<void> {
    const { _id: _ignored, ...rest } = data as Doc;
    try {
      await this.handle.collection(collection).add({ data: { ...rest, _id: id } });
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateError(collection, id);
      throw error;
    }
  }

  async update(collection: string, id: string, patch: Patch): Promise<void> {
    const data = Object.fromEntries(
      // An object is replaced whole (`_.set`): given as is, the SDK flattens it to dot paths and merges it into the stored one.
      Object.entries(patch).map(([field, value]) => [
        field,
        isIncrement(value) ? this.command.inc(value.$inc) : isPlainObject(value) ? this.command.set(value) : value,
      ]),
    );
    const ref = this.handle.collection(collection).doc(id);
    const result = await ref.update({ data });
    // `updated` counts modified documents: 0 is a missing document or a write that changed nothing; only a read tells which.
    if (result.stats.updated === 0 && !(await readDoc(ref))) throw new Error(`update of missing document ${collection}/${id}`);
  }
}

async function readDoc<T>(ref: Pick<WxDocRef, 'get'>): Promise<(T & { _id: string }) | null> {
  try {
    const { data } = await ref.get();
    return (data as (T & { _id: string }) | null) ?? null;
  } catch (error) {
    if (isMissingDocument(error)) return null;
    throw error;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function toCommand(_: WxCommand, condition: Condition): unknown {
  if (condition === null || typeof condition !== 'object') return condition;
  const range = condition as Range;
  const parts: unknown[] = [];
  if (range.gt !== undefined) parts.push(_.gt(range.gt));
  if (range.gte !== undefined) parts.push(_.gte(range.gte));
  if (range.lt !== undefined) parts.push(_.lt(range.lt));
  if (range.lte !== undefined) parts.push(_.lte(range.lte));
  if (range.in) parts.push(_.in(range.in));
  return parts.length === 1 ? parts[0] : _.and(...parts);
}
