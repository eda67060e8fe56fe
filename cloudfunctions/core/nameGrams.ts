/**
 * Finding a member by any part of their nickname (美 finds 小美) at the same cost in any
 * community: a nickname is kept under each run of one, two and three of its characters; a search
 * reads the members kept under the rarest run of what was typed (the whole of it, when it is that
 * short), and keeps those whose name contains the whole of it. Letters compare without case.
 */

/**
 * The longest run a name is kept under. A query that short is its own run, so everything read
 * under it is kept; a longer one reads by one of its runs of three, rare enough in real names (and
 * in 100,000 names alike, 成员12 reads 员12, all of which hold it) that few reads are wasted.
 */
const GRAM = 3;

const fold = (text: string) => Array.from(text.trim().toLowerCase());

/** The distinct parts a nickname is found by: each run of one to GRAM characters. */
export function nameGrams(nickname: string): string[] {
  const chars = fold(nickname);
  const grams = new Set<string>();
  for (let size = 1; size <= GRAM; size++) for (let at = 0; at + size <= chars.length; at++) grams.add(chars.slice(at, at + size).join(''));
  return [...grams];
}

/** Runs a search compares to find its rarest: enough for any nickname, few enough to cost little. */
const MAX_CANDIDATES = 4;

/** The parts a query is found under: itself when GRAM characters or fewer, else each distinct run of GRAM, in order. */
export function queryGrams(query: string): string[] {
  const chars = fold(query);
  if (chars.length <= GRAM) return [chars.join('')];
  return [...new Set(chars.slice(GRAM - 1).map((_, at) => chars.slice(at, at + GRAM).join('')))];
}

/** The parts a search may read by: the query's, at most MAX_CANDIDATES of them spread from its first to its last. */
export function searchGrams(query: string): string[] {
  const grams = queryGrams(query);
  if (grams.length <= MAX_CANDIDATES) return grams;
  const step = (grams.length - 1) / (MAX_CANDIDATES - 1);
  return Array.from({ length: MAX_CANDIDATES }, (_, i) => grams[Math.round(i * step)]);
}

/**
 * Which part to read a search by, from the first `limit` names kept under each (their keys, in
 * joining order, each after its part and '|'). A part with fewer than `limit` names has no more:
 * the fewest of those. Otherwise the sparsest: the one whose `limit`-th name joined latest covers
 * the most of the community's history with as many names, so it holds the fewest in all.
 */
export function rarestGram(probes: ReadonlyArray<{ gram: string; keys: readonly string[] }>, limit: number): string {
  const whole = probes.filter((p) => p.keys.length < limit);
  if (whole.length) return whole.reduce((a, b) => (b.keys.length < a.keys.length ? b : a)).gram;
  const reach = (p: { gram: string; keys: readonly string[] }) => p.keys[limit - 1].slice(p.gram.length + 1);
  return probes.reduce((a, b) => (reach(b) > reach(a) ? b : a)).gram;
}

/** Whether a nickname holds the whole query (a name read under one of its runs may not). */
export const nameHolds = (nickname: string, query: string): boolean => fold(nickname).join('').includes(fold(query).join(''));
