import { EJSON } from 'bson';
import { memoryCommand, type MemoryWxDatabase } from './memoryWxDatabase';
import type { WxTransactionHandle } from '../wxcloud/wxDatabase';

/**
 * The cloud database's side of the wire, for the real wx-server-sdk in tests: the HTTP requests
 * @cloudbase/node-sdk sends (`database.getDocument`, `modifyDocument`, `startTransaction`…, their
 * queries and updates in EJSON) answered in the shapes @cloudbase/database reads back (read in
 * its source), over a MemoryWxDatabase's documents and snapshots. So what the SDK itself does —
 * serialise queries and command operators, flatten updates, shape errors, run transactions — is
 * what the store meets, and the double's own API is out of the way.
 */
export interface WireRequest {
  body: Record<string, unknown> & { action: string };
}

type Answer = Record<string, unknown>;

const CONFLICT = {
  code: 'DATABASE_TRANSACTION_CONFLICT',
  message: '[ResourceUnavailable.TransactionConflict] Transaction is conflicted. Please retry.',
};

const parse = (text: unknown) => (typeof text === 'string' && text ? (EJSON.parse(text) as Record<string, unknown>) : {});
const isOperators = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((key) => key.startsWith('$'));

/** A Mongo condition on one field, as the double's command. */
function condition(value: unknown): unknown {
  if (!isOperators(value)) return value;
  const parts = Object.entries(value).map(([op, operand]): unknown => {
    switch (op) {
      case '$eq':
        return memoryCommand.eq(operand);
      case '$gt':
        return memoryCommand.gt(operand);
      case '$gte':
        return memoryCommand.gte(operand);
      case '$lt':
        return memoryCommand.lt(operand);
      case '$lte':
        return memoryCommand.lte(operand);
      case '$in':
        return memoryCommand.in(operand as unknown[]);
      case '$and':
        return memoryCommand.and(...(operand as unknown[]).map(condition));
      default:
        throw new Error(`the wire double does not know ${op}`);
    }
  });
  return parts.length === 1 ? parts[0] : memoryCommand.and(...parts);
}

/** A Mongo query (fields, and top-level $and of field conditions) as the double's where(). */
function where(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(query)) {
    const parts = field === '$and' ? (value as Array<Record<string, unknown>>).map(where) : [{ [field]: condition(value) }];
    // One field named in several parts (the SDK's `_.and(_.gt(a), _.lte(b))`): all of them hold.
    for (const part of parts)
      for (const [name, test] of Object.entries(part)) out[name] = name in out ? memoryCommand.and(out[name], test) : test;
  }
  return out;
}

function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = doc;
  for (const key of keys.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys.at(-1)!] = value;
}

function getPath(doc: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], doc);
}

/** Mongo's update operators on a document. */
function applyOperators(doc: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const next = structuredClone(doc);
  delete next._id;
  for (const [op, fields] of Object.entries(update)) {
    for (const [path, value] of Object.entries(fields as Record<string, unknown>)) {
      if (op === '$set') setPath(next, path, value);
      else if (op === '$inc') setPath(next, path, Number(getPath(next, path) ?? 0) + Number(value));
      else if (op === '$unset') setPath(next, path, undefined);
      else throw new Error(`the wire double does not know ${op}`);
    }
  }
  return JSON.parse(JSON.stringify(next));
}

export function sdkWire(db: MemoryWxDatabase) {
  /** Open transactions, each with what it wrote so far: a transaction reads its own writes, as MongoDB's do. */
  const transactions = new Map<string, ReturnType<MemoryWxDatabase['begin']> & { written: Map<string, Record<string, unknown>> }>();
  let requests = 0;

  async function documentOf(
    tx: { handle: WxTransactionHandle; written: Map<string, Record<string, unknown>> } | undefined,
    collection: string,
    id: string,
    projection: Record<string, unknown>,
  ): Promise<Record<string, unknown> | null> {
    try {
      if (tx) return tx.written.get(`${collection}/${id}`) ?? (await tx.handle.collection(collection).doc(id).get()).data;
      const omit = Object.entries(projection)
        .filter(([, keep]) => !keep)
        .map(([field]) => [field, false] as const);
      const doc = db.collection(collection).doc(id);
      return (await (omit.length ? doc.field(Object.fromEntries(omit)) : doc).get()).data;
    } catch (error) {
      if (/does not exist/.test(String((error as Error).message))) return null;
      throw error;
    }
  }

  async function answer({ body }: WireRequest): Promise<Answer> {
    const collection = body.collectionName as string;
    const tx = typeof body.transactionId === 'string' ? transactions.get(body.transactionId) : undefined;
    if (body.transactionId && !tx && body.action !== 'database.abortTransaction')
      return { code: 'DATABASE_TRANSACTION_FAIL', message: 'transaction not found' };
    const handle = tx?.handle ?? null;
    const query = parse(body.query);
    switch (body.action) {
      case 'database.startTransaction': {
        const id = `tx-${++requests}`;
        transactions.set(id, { ...db.begin(), written: new Map() });
        return { transactionId: id };
      }
      case 'database.commitTransaction':
        transactions.delete(body.transactionId as string);
        tx!.commit();
        return {};
      case 'database.abortTransaction':
        transactions.delete(body.transactionId as string);
        return {};
      case 'database.getDocument': {
        if (body.queryType === 'DOC') {
          const doc = await documentOf(tx, collection, query._id as string, parse(body.projection));
          return { data: { list: doc ? [EJSON.stringify(doc)] : [] } };
        }
        let cursor = db.collection(collection).where(where(query));
        for (const [field, direction] of Object.entries(parse(body.order)))
          cursor = cursor.orderBy(field, Number(direction) < 0 || direction === 'desc' ? 'desc' : 'asc');
        cursor = cursor.limit(Number(body.limit ?? 100));
        const fields = Object.keys(parse(body.projection));
        if (fields.length) cursor = cursor.field(Object.fromEntries(fields.map((field) => [field, true as const])));
        const { data } = await cursor.get();
        return { data: { list: data.map((doc) => EJSON.stringify(doc)) } };
      }
      case 'database.calculateDocument':
        return { data: { total: (await db.collection(collection).where(where(query)).count()).total } };
      case 'database.insertDocument': {
        const docs = (body.data as string[]).map((text) => parse(text));
        if (!handle) throw new Error('the store inserts only in transactions');
        for (const doc of docs) {
          await handle.collection(collection).add({ data: doc });
          tx!.written.set(`${collection}/${doc._id}`, doc);
        }
        return { data: { insertedIds: docs.map((doc) => doc._id) } };
      }
      case 'database.modifyDocument': {
        if (!handle) throw new Error('the store writes only in transactions');
        const id = query._id as string;
        const data = parse(body.data);
        const current = await documentOf(tx, collection, id, {});
        const written = tx!.written;
        if (body.merge === false) {
          // set: the whole document, created if missing (upsert).
          await handle.collection(collection).doc(id).set({ data });
          written.set(`${collection}/${id}`, { ...data, _id: id });
          return { data: { updated: current ? 1 : 0, upsert_id: current ? null : id } };
        }
        if (!current) return { data: { updated: 0 } };
        const next = applyOperators(current, data);
        const { _id: _ignored, ...before } = current;
        await handle.collection(collection).doc(id).set({ data: next });
        written.set(`${collection}/${id}`, { ...next, _id: id });
        return { data: { updated: JSON.stringify(before) === JSON.stringify(next) ? 0 : 1 } };
      }
      default:
        throw new Error(`the wire double does not answer ${body.action}`);
    }
  }

  /** What @cloudbase/node-sdk's extraRequest resolves: status 200 and the JSON body, errors in the body as `{code, message}`. */
  return async (opts: WireRequest): Promise<{ statusCode: number; body: Answer }> => {
    const requestId = `wire-${++requests}`;
    try {
      return { statusCode: 200, body: { ...(await answer(opts)), requestId } };
    } catch (error) {
      const e = error as { code?: string; errCode?: number; message?: string };
      if (e.code) return { statusCode: 200, body: { code: e.code, message: e.message, requestId } };
      if (e.errCode === -501001) return { statusCode: 200, body: { ...CONFLICT, requestId } };
      if (e.errCode === -502001) return { statusCode: 200, body: { code: 'DATABASE_REQUEST_FAILED', message: e.message, requestId } };
      throw error;
    }
  };
}
