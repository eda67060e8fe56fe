import { addDays, type Day } from './days';
import { tierMultiplier, tierPerks, type Rules, type Tier } from './rules';

/**
 * Which tier a member holds. In lifetime mode their lifetime earned points decide it and it never
 * goes down. In rolling mode (保级) the points earned in the last windowDays decide it: an upgrade
 * applies at once; a member whose window falls below their tier's minimum keeps the tier for
 * graceDays (`keep`), and the daily review then moves them down one tier.
 */
export interface TierFacts {
  earnedTotal: number;
  recentEarned?: Record<Day, number>;
  /** Rolling mode: the tier held (absent: the lifetime tier, so switching modes demotes no one at once). */
  tierHeld?: string | null;
  /** The day a member below their tier loses it, once the review has announced it. */
  tierKeepBy?: Day | null;
  /** The next day the review must look at this member: the day the window falls short, or keepBy. */
  tierReviewOn?: Day | null;
}

export interface TierView {
  name: string;
  /** Where the tier stands in the rules, 0 = lowest. */
  index: number;
  /** The points that decide it: lifetime earned, or the rolling window's. */
  points: number;
  multiplier: number;
  perks: string[];
  nextName: string | null;
  nextMinPoints: number | null;
  /** Rolling mode, below the tier's minimum: what keeps it and by when. Null when safe. */
  keep: { minPoints: number; by: Day } | null;
}

/** Points earned in the windowDays ending today (today included). */
export function windowPoints(recent: Record<Day, number> | undefined, today: Day, windowDays: number): number {
  const from = addDays(today, 1 - windowDays);
  let sum = 0;
  for (const [day, points] of Object.entries(recent ?? {})) if (day >= from && day <= today) sum += points;
  return sum;
}

/**
 * The first day from today on when the window, with nothing more earned, holds fewer than
 * minPoints: each day's points leave it windowDays after they were earned, oldest first.
 * Null when it never can (a minimum of 0).
 */
export function windowFallsShortOn(recent: Record<Day, number> | undefined, today: Day, windowDays: number, minPoints: number): Day | null {
  if (minPoints <= 0) return null;
  const from = addDays(today, 1 - windowDays);
  const days = Object.keys(recent ?? {})
    .filter((day) => day >= from && day <= today)
    .sort();
  let sum = days.reduce((total, day) => total + (recent?.[day] ?? 0), 0);
  if (sum < minPoints) return today;
  for (const day of days) {
    sum -= recent?.[day] ?? 0;
    if (sum < minPoints) return addDays(day, windowDays);
  }
  return today;
}

/** The highest tier whose minimum the points reach. */
export function tierIndexFor(points: number, tiers: readonly Tier[]): number {
  let index = 0;
  tiers.forEach((tier, i) => {
    if (points >= tier.minPoints) index = i;
  });
  return index;
}

export function tierOf(member: TierFacts, rules: Pick<Rules, 'tiers' | 'tierRetention'>, today: Day): TierView {
  const { tiers, tierRetention } = rules;
  const lifetime = tierIndexFor(member.earnedTotal, tiers);
  if (tierRetention.mode === 'lifetime') return view(tiers, lifetime, member.earnedTotal, null);
  const points = windowPoints(member.recentEarned, today, tierRetention.windowDays);
  const earned = tierIndexFor(points, tiers);
  const heldIndex = member.tierHeld == null ? lifetime : tiers.findIndex((t) => t.name === member.tierHeld);
  // A tier renamed or removed since: the window decides.
  const index = Math.max(earned, heldIndex);
  const keep =
    index > earned
      ? { minPoints: tiers[index].minPoints, by: member.tierKeepBy ?? addDays(member.tierReviewOn ?? today, tierRetention.graceDays) }
      : null;
  return view(tiers, index, points, keep);
}

function view(tiers: readonly Tier[], index: number, points: number, keep: TierView['keep']): TierView {
  const tier = tiers[index];
  const next = tiers[index + 1];
  return {
    name: tier.name,
    index,
    points,
    multiplier: tierMultiplier(tier),
    perks: tierPerks(tier),
    nextName: next?.name ?? null,
    nextMinPoints: next?.minPoints ?? null,
    keep,
  };
}

export type TierChanges = Required<Pick<TierFacts, 'tierHeld' | 'tierKeepBy' | 'tierReviewOn'>>;

/**
 * Rolling mode, after the member's points changed today: the tier held (an upgrade at once), and
 * when the review must look again. A member back above their minimum is safe again.
 */
export function tierAfterPosting(member: TierFacts, rules: Pick<Rules, 'tiers' | 'tierRetention'>, today: Day): TierChanges {
  const current = tierOf(member, rules, today);
  if (current.keep) {
    return {
      tierHeld: current.name,
      tierKeepBy: member.tierKeepBy ?? null,
      tierReviewOn: earlier(member.tierReviewOn, member.tierKeepBy ?? today),
    };
  }
  const minPoints = rules.tiers[current.index].minPoints;
  return {
    tierHeld: current.name,
    tierKeepBy: null,
    tierReviewOn: windowFallsShortOn(member.recentEarned, today, rules.tierRetention.windowDays, minPoints),
  };
}

export type TierReview = { changes: TierChanges; outcome: 'safe' | 'warned' | 'demoted' | 'waiting' };

/**
 * The daily review of a member due (tierReviewOn ≤ today): safe again, warned (the grace period
 * starts: keep the tier by `by`), or — on `by`, still short — moved down one tier, with a new
 * grace period if the window is short of that tier too.
 */
export function reviewTier(member: TierFacts, rules: Pick<Rules, 'tiers' | 'tierRetention'>, today: Day): TierReview {
  const current = tierOf(member, rules, today);
  if (!current.keep) return { changes: tierAfterPosting(member, rules, today), outcome: 'safe' };
  const by = current.keep.by;
  if (!member.tierKeepBy && by > today) return { changes: { tierHeld: current.name, tierKeepBy: by, tierReviewOn: by }, outcome: 'warned' };
  if (by > today) return { changes: { tierHeld: current.name, tierKeepBy: by, tierReviewOn: by }, outcome: 'waiting' };
  const lower = rules.tiers[current.index - 1];
  const after = tierOf({ ...member, tierHeld: lower.name, tierKeepBy: null, tierReviewOn: today }, rules, today);
  const changes = after.keep
    ? { tierHeld: after.name, tierKeepBy: after.keep.by, tierReviewOn: after.keep.by }
    : tierAfterPosting({ ...member, tierHeld: after.name, tierKeepBy: null }, rules, today);
  return { changes, outcome: 'demoted' };
}

const earlier = (a: Day | null | undefined, b: Day): Day => (a && a < b ? a : b);

/** Whether the member's tier reaches the tier a reward asks for (tiers are ordered low to high). */
export function tierReaches(minTier: string | null, tierIndex: number, tiers: readonly Tier[]): boolean {
  if (!minTier) return true;
  const needed = tiers.findIndex((t) => t.name === minTier);
  return needed < 0 || tierIndex >= needed;
}
