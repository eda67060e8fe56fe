/** Daily caps: one counter document per member per community day holds every capped count. */
export type CappedAction = 'answer' | 'post' | 'like' | 'referral' | 'comment';

export type DailyCounts = Partial<Record<CappedAction, number>>;

/**
 * Over the cap the action still happens but earns nothing (API.md); the counter counts
 * credited actions only, so it reads as "how many paid so far today".
 */
export function creditUnderCap(counts: DailyCounts, action: CappedAction, cap: number): { credited: boolean; counts: DailyCounts } {
  const used = counts[action] ?? 0;
  if (used >= cap) return { credited: false, counts };
  return { credited: true, counts: { ...counts, [action]: used + 1 } };
}
