import type { PrizeKind } from './mall';

/** Probabilities are in basis points: a roll is a uniform integer in [0, ROLL_SPACE). */
export const ROLL_SPACE = 10_000;

export interface Prize {
  id: string;
  name: string;
  /** Chance in basis points (1/10,000). What the prizes leave of ROLL_SPACE is "no prize". */
  weight: number;
  stock: number;
  kind: PrizeKind;
  /** A coupon prize: the coupon reward whose code pool it hands out from (codes loaded with mall.loadCodes). */
  itemId?: string | null;
}

/**
 * The prize a roll lands on. Prizes take consecutive slices of the roll space in table order;
 * a roll past them all — or on a prize whose stock is gone — wins nothing.
 */
export function drawOutcome(prizes: readonly Prize[], roll: number): Prize | null {
  let edge = 0;
  for (const prize of prizes) {
    edge += prize.weight;
    if (roll < edge) return prize.stock > 0 ? prize : null;
  }
  return null;
}

export function prizeTableProblems(prizes: readonly Prize[]): string[] {
  const problems: string[] = [];
  if (prizes.reduce((sum, p) => sum + p.weight, 0) > ROLL_SPACE) problems.push('中奖概率合计不能超过 100%');
  if (new Set(prizes.map((p) => p.id)).size !== prizes.length) problems.push('奖项 id 不能重复');
  return problems;
}
