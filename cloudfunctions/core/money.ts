/**
 * Yuan as people type it ("99", "99.9", "99.90") in fen, counted from the digits so no floating
 * point drifts (59.9 × 100 is 5990.000000000001); null when it is not an amount of yuan with at
 * most two decimals. Bounds are the caller's (core/limits).
 */
export function fenOfYuan(typed: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(typed.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen as yuan with two decimals, as receipts and notices write money ("49.00"). */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);
