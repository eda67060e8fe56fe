/**
 * 云开发 still offers Node 16.13 for new cloud functions. Before a test loads the bundles, this
 * takes away what later Nodes added to the global scope and the built-ins, so a bundle that
 * leans on any of it fails here as it would there (the bundles are built for node16 syntax).
 */
const laterGlobals = [
  'structuredClone', // 17
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'Blob',
  'BroadcastChannel', // 18
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'CompressionStream',
  'DecompressionStream', // 18
  'crypto',
  'CustomEvent', // 19
  'File', // 20
  'navigator',
  'WebSocket', // 21, 22
];
const laterMethods: Array<[object, string[]]> = [
  [Array.prototype, ['findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'with']],
  [Array, ['fromAsync']],
  [Object, ['groupBy']],
  [Map, ['groupBy']],
  [Promise, ['withResolvers']],
  [String.prototype, ['isWellFormed', 'toWellFormed']],
  [AbortSignal, ['timeout', 'any']],
  [Set.prototype, ['union', 'intersection', 'difference', 'symmetricDifference', 'isSubsetOf', 'isSupersetOf', 'isDisjointFrom']],
];

for (const name of laterGlobals) delete (globalThis as Record<string, unknown>)[name];
for (const [owner, names] of laterMethods) for (const name of names) delete (owner as Record<string, unknown>)[name];
