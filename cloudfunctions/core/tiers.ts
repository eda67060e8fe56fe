import type { Tier } from './rules';

export interface TierStatus {
  name: string;
  /** The next tier's name, null at the top. */
  nextName: string | null;
  /** Lifetime points the next tier needs, null at the top. */
  nextMinPoints: number | null;
}

/** Tiers go by lifetime earned points, so spending never costs a member their tier. */
export function tierFor(earnedTotal: number, tiers: readonly Tier[]): TierStatus {
  let index = 0;
  tiers.forEach((tier, i) => {
    if (earnedTotal >= tier.minPoints) index = i;
  });
  const next = tiers[index + 1];
  return { name: tiers[index].name, nextName: next?.name ?? null, nextMinPoints: next?.minPoints ?? null };
}

/** Whether a member's tier reaches the minimum tier a reward (or a privilege) asks for (tiers are ordered low to high). */
export function tierAllows(minTier: string | null, earnedTotal: number, tiers: readonly Tier[]): boolean {
  if (!minTier) return true;
  const needed = tiers.findIndex((t) => t.name === minTier);
  const mine = tiers.findIndex((t) => t.name === tierFor(earnedTotal, tiers).name);
  return needed < 0 || mine >= needed;
}
