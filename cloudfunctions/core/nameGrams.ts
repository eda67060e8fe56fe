/**
 * Finding a member by any part of their nickname (美 finds 小美) at the same cost in any
 * community: a nickname is kept under each of its characters and each pair of neighbouring
 * characters; a search reads the members kept under the rarest pair of what was typed (or its one
 * character), and keeps those whose name contains the whole of it. Letters compare without case.
 */

/** The longest part a name is kept under: pairs are rare enough that a search reads few names it does not keep. */
const GRAM = 2;

const fold = (text: string) => Array.from(text.trim().toLowerCase());

/** The distinct parts a nickname is found by: each character and each neighbouring pair. */
export function nameGrams(nickname: string): string[] {
  const chars = fold(nickname);
  const grams = new Set<string>();
  for (let size = 1; size <= GRAM; size++) for (let at = 0; at + size <= chars.length; at++) grams.add(chars.slice(at, at + size).join(''));
  return [...grams];
}

/** Pairs a search compares to find its rarest: enough for any nickname, few enough to cost little. */
const MAX_CANDIDATES = 4;

/** Each distinct neighbouring pair of what was typed, in order; its only character when it has one. */
export function queryGrams(query: string): string[] {
  const chars = fold(query);
  if (chars.length < GRAM) return [chars.join('')];
  return [...new Set(chars.slice(1).map((char, at) => chars[at] + char))];
}

/** The parts a search may read by: the query's pairs, at most MAX_CANDIDATES of them spread from its first to its last. */
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

/** Whether a nickname holds the whole query (a name read under one of its pairs may not). */
export const nameHolds = (nickname: string, query: string): boolean => fold(nickname).join('').includes(fold(query).join(''));
