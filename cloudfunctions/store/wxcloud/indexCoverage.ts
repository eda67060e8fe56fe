import type { CollectionSpec } from '../schema';

/**
 * Whether a query can be answered from an index of database/collections.json, as the cloud
 * database (MongoDB underneath) answers it: the fields compared for equality form the index's
 * first fields, in any order, and narrow it to one community, one member…; the fields sorted on
 * follow them in order, so nothing is sorted in memory; a range is filtered within what the
 * equality narrowed (with no equality, the index must lead with the range's field). `_id` needs
 * no index. The cloud runs a query with no index too —
 * by scanning the collection, slowly and within its time limit — so every query we make must
 * have one declared, and the double refuses one that has not.
 */
export function coveringIndex(
  spec: CollectionSpec | undefined,
  condition: Record<string, unknown>,
  order: ReadonlyArray<readonly [string, string]>,
): string | null {
  const equal: string[] = [];
  const range: string[] = [];
  for (const [field, value] of Object.entries(condition)) {
    const op = typeof value === 'object' && value !== null && '$op' in value ? (value as { $op: string }).$op : 'eq';
    (op === 'eq' || op === 'in' ? equal : range).push(field);
  }
  const sorted = order.map(([field]) => field).filter((field, i, all) => !(field === '_id' && i === all.length - 1 && all.length > 1));
  if ([...equal, ...range, ...sorted].every((field) => field === '_id')) return '_id';
  for (const index of spec?.indexes ?? []) {
    const fields = index.fields.map(([field]) => field);
    const prefix = fields.slice(0, equal.length);
    const rest = fields.slice(equal.length);
    if (prefix.length !== equal.length || !equal.every((field) => prefix.includes(field))) continue;
    if (!sorted.every((field, i) => rest[i] === field)) continue;
    // With neither equality nor sort to narrow by, the index must lead with a range's field.
    if (!equal.length && !sorted.length && !range.includes(rest[0])) continue;
    return index.name;
  }
  return null;
}
