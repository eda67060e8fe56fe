import type { Condition, Query } from '../../store/port';
import type { AppStore, Collections, Found } from './documents';

/** The collections whose documents carry `sortKey`: a unique, ordered key to page by. */
type Paged = { [K in keyof Collections]: Collections[K] extends { sortKey: string } ? K : never }[keyof Collections];

/** The rows a page holds: whole documents unless some fields were asked for (a union document stays a union). */
type Rows<K extends Paged, F extends keyof Collections[K] & string> = Array<
  Found<keyof Collections[K] & string extends F ? Collections[K] : Pick<Collections[K], F>>
>;

/** Opaque paging cursors: the sort key of the last row seen. */
export const encodeCursor = (sortKey: string): string => Buffer.from(sortKey, 'utf8').toString('base64url');
export const decodeCursor = (value: string): string => Buffer.from(value, 'base64url').toString('utf8');

/**
 * One page of `collection` in key order (sortKey unless `by` names another unique, ordered
 * key), starting after the cursor (API.md lists: cursor, limit, nextCursor). Keyset paging: it
 * reads limit + 1 rows, and the extra one says whether there are more. A range on the key in
 * `where` (a search by prefix) narrows the page; the cursor narrows it further.
 */
export async function pageOf<K extends Paged, F extends keyof Collections[K] & string = keyof Collections[K] & string>(
  store: AppStore,
  collection: K,
  where: Query<Collections[K]>['where'],
  page: { cursor?: string | null; limit: number; order: 'asc' | 'desc'; fields?: readonly F[]; by?: keyof Collections[K] & string },
): Promise<{ rows: Rows<K, F>; nextCursor: string | null }> {
  const by = page.by ?? 'sortKey';
  const bounds = (where as Record<string, Condition | undefined>)[by];
  const after = page.cursor
    ? { [by]: { ...(typeof bounds === 'object' ? bounds : {}), [page.order === 'asc' ? 'gt' : 'lt']: decodeCursor(page.cursor) } }
    : {};
  // With fields, the rows hold those fields (and the key, the cursor's); the caller reads no others.
  const fields = page.fields && ([...page.fields, by] as Query<Collections[K]>['fields']);
  const query = { where: { ...where, ...after }, orderBy: [[by, page.order]], limit: page.limit + 1, ...(fields ? { fields } : {}) };
  const found = (await store.find(collection, query as Query<Collections[K]>)) as Rows<K, F>;
  const rows = found.slice(0, page.limit);
  return { rows, nextCursor: found.length > page.limit ? encodeCursor((rows.at(-1) as unknown as Record<string, string>)[by]) : null };
}

/**
 * Like pageOf, for a list whose conditions one index range cannot all serve: the rows the range
 * yields are kept or skipped by `keep`, and at most `maxRead` rows are read. A page cut short by
 * that comes with a cursor where the reading stopped, so the client reads on and no request
 * reads more than maxRead, however rare the kept rows are.
 */
export async function keptPageOf<K extends Paged, F extends keyof Collections[K] & string>(
  store: AppStore,
  collection: K,
  where: Query<Collections[K]>['where'],
  keep: (row: Found<Pick<Collections[K], F>>) => boolean,
  page: {
    cursor?: string | null;
    limit: number;
    order: 'asc' | 'desc';
    fields: readonly F[];
    by?: keyof Collections[K] & string;
    maxRead: number;
  },
): Promise<{ rows: Array<Found<Pick<Collections[K], F>>>; nextCursor: string | null }> {
  const by = page.by ?? 'sortKey';
  const keyOf = (row: unknown) => encodeCursor((row as Record<string, string>)[by]);
  const kept: Array<Found<Pick<Collections[K], F>>> = [];
  let cursor = page.cursor ?? null;
  for (let read = 0; ;) {
    // First what a page needs when every row is kept; after that, larger reads.
    const chunk = Math.min(page.maxRead - read, read === 0 ? page.limit + 1 : Math.max(page.limit + 1, 50));
    const { rows, nextCursor } = await pageOf(store, collection, where, { ...page, cursor, limit: chunk });
    read += rows.length;
    for (const row of rows) {
      if (!keep(row)) continue;
      kept.push(row);
      // One more than the page says there are more; the cursor is the page's last row.
      if (kept.length > page.limit) return { rows: kept.slice(0, page.limit), nextCursor: keyOf(kept[page.limit - 1]) };
    }
    if (!nextCursor) return { rows: kept, nextCursor: null };
    if (read >= page.maxRead) return { rows: kept, nextCursor };
    cursor = nextCursor;
  }
}
