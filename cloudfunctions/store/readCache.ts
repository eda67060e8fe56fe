import type { DocMap, Found, Query, Store } from './port';

/**
 * A Store that remembers recent reads of a few rarely-changing collections (a community's
 * rules and time zone are read by every call). Writes through this store drop the cached copy
 * when they commit, so this process never reads its own stale writes; other cloud instances
 * see a change within `ttlMs`.
 */
/**
 * What the cache keeps: its own copy (a JSON round trip, on every Node the cloud offers: 16 has
 * no structuredClone), frozen all the way down, taken once per read from the store.
 */
function frozenCopy<T>(value: T): T {
  return value === null || value === undefined ? value : deepFreeze(JSON.parse(JSON.stringify(value)));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * What a hit hands out, on every request (a community is read by each): a shallow copy, so the
 * caller may set its own fields, sharing the frozen nested parts, which nobody may change.
 */
const handOut = <T>(value: T): T => (value === null || value === undefined ? value : { ...value });

export function withReadCache<C extends DocMap>(
  store: Store<C>,
  options: { collections: string[]; ttlMs: number; now?: () => number },
): Store<C> {
  const cached = new Map<string, { doc: unknown; until: number }>();
  const now = options.now ?? Date.now;
  const cacheable = (collection: string) => options.collections.includes(collection);
  const key = (collection: string, id: string) => `${collection}\u0000${id}`;

  return {
    // Overloads cannot be implemented by inference: the options pass through as they came.
    get: (async (collection: string, id: string, ...projection: [{ omit: readonly string[] }?]) => {
      if (!cacheable(collection) || projection.length) return store.get(collection, id, ...(projection as [{ omit: readonly string[] }]));
      const hit = cached.get(key(collection, id));
      if (hit && hit.until > now()) return handOut(hit.doc) as Found<C[typeof collection]> | null;
      const doc = frozenCopy(await store.get(collection, id));
      cached.set(key(collection, id), { doc, until: now() + options.ttlMs });
      return handOut(doc);
    }) as Store<C>['get'],
    // Passed through as is (overloads cannot be forwarded by inference).
    find: ((collection: string, query: Query) => store.find(collection, query)) as Store<C>['find'],
    count: (collection, where) => store.count(collection, where),
    async transaction(work) {
      const written = new Set<string>();
      try {
        return await store.transaction((tx) =>
          work({
            get: (collection, id) => tx.get(collection, id),
            set: (collection, id, data) => {
              if (cacheable(collection)) written.add(key(collection, id));
              return tx.set(collection, id, data);
            },
            update: (collection, id, patch) => {
              if (cacheable(collection)) written.add(key(collection, id));
              return tx.update(collection, id, patch);
            },
            create: (collection, id, data) => {
              if (cacheable(collection)) written.add(key(collection, id));
              return tx.create(collection, id, data);
            },
          }),
        );
      } finally {
        for (const k of written) cached.delete(k);
      }
    },
    close: () => store.close?.(),
  };
}
