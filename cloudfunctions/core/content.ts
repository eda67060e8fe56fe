/**
 * Whether a contribution (an experience post or an answer) can earn points: long enough to
 * mean something, and not a copy or near-copy of the author's recent contributions. Copies
 * are caught by a hash of the normalized text; near-copies by a 64-bit SimHash over character
 * trigrams (Chinese has no spaces, so characters, not words), within a Hamming distance of 3.
 */
export type ContentKind = 'post' | 'answer' | 'comment';

/** A contribution's fingerprints, remembered on the author's member document. */
export interface ContentPrint {
  kind: ContentKind;
  ref: string;
  hash: string;
  simhash: string;
  at: string;
}

export type NoPointsReason = 'too_short' | 'duplicate' | 'near_duplicate';

export type Earning = { earns: true } | { earns: false; reason: NoPointsReason; message: string; duplicateOf?: string };

/** Fewest meaningful characters that can earn points: a real experience vs. a real answer. */
export const MIN_MEANINGFUL_LENGTH: Record<ContentKind, number> = { post: 20, answer: 8, comment: 5 };
export const NEAR_DUPLICATE_DISTANCE = 3;
/** Photos one experience post may carry. */
export const MAX_POST_IMAGES = 9;
/** How many of an author's recent contributions are compared against. */
export const PRINTS_KEPT = 30;

/** At most `max` characters (not UTF-16 units), with an ellipsis when cut. */
export const clip = (text: string, max: number): string => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

/**
 * A text cut to at most `maxBytes` of UTF-8 (WeChat Pay's `body` is String(128): bytes, about 42
 * Chinese characters), whole characters only, with … where it was cut.
 */
export function clipBytes(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  const kept: string[] = [];
  let used = utf8Bytes('…');
  for (const char of text) {
    used += utf8Bytes(char);
    if (used > maxBytes) break;
    kept.push(char);
  }
  return `${kept.join('')}…`;
}

/** Lower case, full-width folded, without spaces, punctuation, symbols or emoji. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Extended_Pictographic}]|\u200d|\ufe0f/gu, '');
}

/** Characters that carry meaning: normalized, with runs of one character ("好好好好") counted once. */
export function meaningfulLength(text: string): number {
  const chars = [...normalizeText(text)];
  return chars.filter((char, i) => char !== chars[i - 1]).length;
}

export function fingerprintsOf(text: string): { hash: string; simhash: string } {
  const normalized = normalizeText(text);
  return { hash: fnv1a64(normalized).toString(16).padStart(16, '0'), simhash: simhash(normalized).toString(16).padStart(16, '0') };
}

export function hammingDistance(a: string, b: string): number {
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (diff) {
    diff &= diff - 1n;
    count++;
  }
  return count;
}

/** Whether this text earns points, judged against the author's recent contributions. */
export function earningOf(kind: ContentKind, text: string, recent: readonly ContentPrint[] = []): Earning {
  if (meaningfulLength(text) < MIN_MEANINGFUL_LENGTH[kind]) {
    return { earns: false, reason: 'too_short', message: `内容太短（至少 ${MIN_MEANINGFUL_LENGTH[kind]} 个有效字），不计积分` };
  }
  const { hash, simhash: print } = fingerprintsOf(text);
  const copy = recent.find((earlier) => earlier.hash === hash);
  if (copy) return { earns: false, reason: 'duplicate', message: '与你之前发过的内容重复，不计积分', duplicateOf: copy.ref };
  const near = recent.find((earlier) => hammingDistance(earlier.simhash, print) <= NEAR_DUPLICATE_DISTANCE);
  if (near) return { earns: false, reason: 'near_duplicate', message: '与你之前发过的内容高度相似，不计积分', duplicateOf: near.ref };
  return { earns: true };
}

/** The author's recent prints with this one added, newest last, at most PRINTS_KEPT. */
export function rememberPrint(
  recent: readonly ContentPrint[] = [],
  kind: ContentKind,
  ref: string,
  text: string,
  at: Date,
): ContentPrint[] {
  return [...recent, { kind, ref, ...fingerprintsOf(text), at: at.toISOString() }].slice(-PRINTS_KEPT);
}

const MASK64 = (1n << 64n) - 1n;
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

/** FNV-1a over the text's UTF-8 bytes (encoded here: no TextEncoder in every runtime). */
function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const char of text) {
    for (const byte of utf8(char.codePointAt(0)!)) {
      hash ^= BigInt(byte);
      hash = (hash * FNV_PRIME) & MASK64;
    }
  }
  return hash;
}

function utf8(code: number): number[] {
  if (code < 0x80) return [code];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
}

/**
 * Features are single characters, weighted by how often they occur: a few changed, added or
 * reordered characters move only a few bits, while a different text moves a dozen or more.
 */
function simhash(normalized: string): bigint {
  const weights = new Array<number>(64).fill(0);
  for (const char of normalized) {
    const hash = fnv1a64(char);
    for (let bit = 0; bit < 64; bit++) weights[bit] += (hash >> BigInt(bit)) & 1n ? 1 : -1;
  }
  return weights.reduce((acc, weight, bit) => (weight > 0 ? acc | (1n << BigInt(bit)) : acc), 0n);
}
