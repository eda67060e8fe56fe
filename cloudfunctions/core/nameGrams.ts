/**
 * Finding a member by any part of their nickname (美 finds 小美) at the same cost in any
 * community: a nickname is kept under each of its characters and each pair of neighbouring
 * characters; a search reads the members kept under the first pair of what was typed (or its one
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

/** The one part a search reads by: the first pair of what was typed, or its only character. */
export const searchGram = (query: string): string => fold(query).slice(0, GRAM).join('');

/** Whether a nickname holds the whole query (a name read under the query's first pair may not). */
export const nameHolds = (nickname: string, query: string): boolean => fold(nickname).join('').includes(fold(query).join(''));
