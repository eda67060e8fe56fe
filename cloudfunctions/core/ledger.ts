import { addDays, monthKey, startOfDay, weekKey, type Day } from './days';
import { refuse } from './errors';

export type EntryKind = 'earn' | 'spend' | 'expire' | 'adjust' | 'refund' | 'reverse' | 'transfer';

/** Points earned on one day that expire together. Lots stay sorted, soonest expiry first. */
export interface Lot {
  expiresAt: string;
  points: number;
}

/** A member's points account. Invariants: balance == sum(lots.points) >= 0, integers only. */
export interface Account {
  balance: number;
  earnedTotal: number;
  lots: Lot[];
  /** Earliest lot expiry, so the expiry job can find due members by an index. */
  nextExpiryAt: string | null;
  /** That lot's points: the "expiring soon" warning needs no lots. */
  nextExpiryPoints: number;
  weekKey: string;
  weekEarned: number;
  monthKey: string;
  monthEarned: number;
  /**
   * Entries posted so far; each entry carries its number. "Newest first" is this order, the
   * order of commits, which a clock cannot reorder (entries may share an instant, and an
   * instance's clock may step back). Absent on accounts older than it: 0.
   */
  seq?: number;
  /**
   * Points earned per day (earn, positive adjust, less reversals) over the last RECENT_DAYS_KEPT
   * days: what a rolling tier is decided by (core/tierRetention.ts). Absent on older accounts.
   */
  recentEarned?: Record<Day, number>;
  /** Points spent per day (redemptions, draws, 众筹) over the last SPENT_DAYS_KEPT days: what a pilot's report compares. Absent until the first spend. */
  recentSpent?: Record<Day, number>;
}

/** The longest rolling tier window the rules allow, so the days kept are bounded. */
export const RECENT_DAYS_KEPT = 365;
/** The longest pilot a campaign may run (core/pilots.ts), so the spending days kept are bounded. */
export const SPENT_DAYS_KEPT = 90;

/** What a use case asks the ledger to record. The id is the idempotency key. */
export interface Posting {
  id: string;
  kind: EntryKind;
  delta: number;
  reason: string;
  refId: string | null;
  /** For a reversal: the entry it cancels, so lifetime earnings are undone too. */
  reverses?: { kind: EntryKind; delta: number; day: Day };
  /** Audit facts kept with the entry (e.g. a lottery roll), so an outcome can be checked later. */
  detail?: Record<string, string | number | null>;
  /**
   * Points coming back (a refund) or passed on (a gift) keep the expiry they had: these are the
   * lots a spend took (they sum to delta). Without them a refund would renew expiring points.
   */
  restore?: readonly Lot[];
}

/** An immutable ledger line. Never edited or deleted; corrections are new entries. */
export interface LedgerEntry {
  id: string;
  delta: number;
  kind: EntryKind;
  reason: string;
  refId: string | null;
  balanceAfter: number;
  createdAt: string;
  day: Day;
  /** Its place in the member's ledger: 1, 2, 3, ... in commit order. */
  seq: number;
  detail?: Record<string, string | number | null>;
}

export interface PostingTime {
  now: Date;
  day: Day;
  timezone: string;
  expiryDays: number;
}

export const emptyAccount = (): Account => ({
  balance: 0,
  earnedTotal: 0,
  lots: [],
  nextExpiryAt: null,
  nextExpiryPoints: 0,
  weekKey: '',
  weekEarned: 0,
  monthKey: '',
  monthEarned: 0,
  seq: 0,
});

/** Each kind in the members' words: the ledger page and the CSV export say the same. */
export const ENTRY_KIND_NAMES: Record<EntryKind, string> = {
  earn: '获得',
  spend: '兑换',
  expire: '过期',
  adjust: '调整',
  refund: '退回',
  reverse: '收回',
  transfer: '转赠',
};

const SIGN: Record<EntryKind, 1 | -1 | 0> = {
  earn: 1,
  refund: 1,
  spend: -1,
  expire: -1,
  adjust: 0,
  reverse: 0,
  // A gift between members (±): received points are never earned, so they raise no tier.
  transfer: 0,
};

/** Whether an entry of this kind and sign raises lifetime earnings (and so the tier). */
export const countsAsEarned = (kind: EntryKind, delta: number): boolean => kind === 'earn' || (kind === 'adjust' && delta > 0);

export function postEntry(account: Account, posting: Posting, at: PostingTime): { account: Account; entry: LedgerEntry; taken: Lot[] } {
  const { delta, kind } = posting;
  if (!Number.isSafeInteger(delta) || delta === 0) refuse('INVALID_INPUT', '积分变动必须是非零整数');
  if (SIGN[kind] !== 0 && Math.sign(delta) !== SIGN[kind]) refuse('INVALID_INPUT', `${kind} 的积分方向不对`);

  const next = rollPeriods(account, at.day);
  let taken: Lot[] = [];
  if (delta > 0) {
    const restore = posting.restore?.length ? posting.restore : null;
    if (restore && restore.reduce((sum, lot) => sum + lot.points, 0) !== delta) refuse('INVALID_INPUT', '退回的积分与原来扣除的不一致');
    next.lots = restore ? mergeLots(next.lots, restore) : addToLots(next.lots, lotExpiry(at), delta);
  } else {
    if (next.balance + delta < 0) refuse('INSUFFICIENT_POINTS', `积分不足：当前 ${next.balance} 分`);
    ({ kept: next.lots, taken } = takeOldest(next.lots, -delta));
  }
  next.balance += delta;
  next.nextExpiryAt = next.lots[0]?.expiresAt ?? null;
  next.nextExpiryPoints = next.lots[0]?.points ?? 0;
  next.seq = (account.seq ?? 0) + 1;

  if (countsAsEarned(kind, delta)) addEarned(next, delta, at.day);
  if (kind === 'spend') next.recentSpent = { ...next.recentSpent, [at.day]: (next.recentSpent?.[at.day] ?? 0) - delta };
  if (kind === 'reverse' && posting.reverses && countsAsEarned(posting.reverses.kind, posting.reverses.delta)) {
    addEarned(next, -Math.min(posting.reverses.delta, -delta), posting.reverses.day);
  }

  const entry: LedgerEntry = {
    id: posting.id,
    delta,
    kind,
    reason: posting.reason,
    refId: posting.refId,
    balanceAfter: next.balance,
    createdAt: at.now.toISOString(),
    day: at.day,
    seq: next.seq,
    ...(posting.detail ? { detail: posting.detail } : {}),
  };
  return { account: next, entry, taken };
}

/**
 * Several postings in order on one account: the entries and the account after them. A posting
 * of 0 points is skipped (a rule may set an award to 0), so it leaves no entry.
 */
export function postAll(
  account: Account,
  postings: readonly Posting[],
  at: PostingTime,
): { account: Account; entries: LedgerEntry[]; taken: Lot[] } {
  const entries: LedgerEntry[] = [];
  let current = account;
  let taken: Lot[] = [];
  for (const posting of postings) {
    if (posting.delta === 0) continue;
    const posted = postEntry(current, posting, at);
    current = posted.account;
    entries.push(posted.entry);
    taken = mergeLots(taken, posted.taken);
  }
  return { account: current, entries, taken };
}

/** Lots whose expiry has come; what the expiry job must take away. */
export function duePoints(account: Account, now: Date): { points: number } {
  const due = account.lots.filter((lot) => Date.parse(lot.expiresAt) <= now.getTime());
  return { points: due.reduce((sum, lot) => sum + lot.points, 0) };
}

/** The next batch that expires within `withinDays`, for the "expiring soon" warning. */
export function expiringSoon(
  { nextExpiryAt, nextExpiryPoints }: Pick<Account, 'nextExpiryAt' | 'nextExpiryPoints'>,
  now: Date,
  withinDays = 30,
): { points: number; at: string } | null {
  if (nextExpiryAt === null) return null;
  return Date.parse(nextExpiryAt) - now.getTime() <= withinDays * 86_400_000 ? { points: nextExpiryPoints, at: nextExpiryAt } : null;
}

function lotExpiry(at: PostingTime): string {
  return startOfDay(addDays(at.day, at.expiryDays), at.timezone).toISOString();
}

function addToLots(lots: readonly Lot[], expiresAt: string, points: number): Lot[] {
  const existing = lots.find((lot) => lot.expiresAt === expiresAt);
  if (existing) return lots.map((lot) => (lot === existing ? { expiresAt, points: lot.points + points } : lot));
  return [...lots, { expiresAt, points }].sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt));
}

/** Lots together, one per expiry, soonest first (what several spends took; lots given back). */
export function mergeLots(lots: readonly Lot[], more: readonly Lot[]): Lot[] {
  return more.reduce<Lot[]>((merged, lot) => addToLots(merged, lot.expiresAt, lot.points), [...lots]);
}

/** Spending takes the soonest-expiring points first, so members lose as little as possible. */
function takeOldest(lots: readonly Lot[], amount: number): { kept: Lot[]; taken: Lot[] } {
  let left = amount;
  const kept: Lot[] = [];
  const taken: Lot[] = [];
  for (const lot of lots) {
    const take = Math.min(lot.points, left);
    left -= take;
    if (take > 0) taken.push({ expiresAt: lot.expiresAt, points: take });
    if (lot.points > take) kept.push({ expiresAt: lot.expiresAt, points: lot.points - take });
  }
  return { kept, taken };
}

function rollPeriods(account: Account, day: Day): Account {
  const week = weekKey(day);
  const month = monthKey(day);
  return {
    ...account,
    lots: account.lots,
    weekKey: week,
    weekEarned: account.weekKey === week ? account.weekEarned : 0,
    monthKey: month,
    monthEarned: account.monthKey === month ? account.monthEarned : 0,
    recentEarned: keptDays(account.recentEarned, day, RECENT_DAYS_KEPT),
    ...(account.recentSpent ? { recentSpent: keptDays(account.recentSpent, day, SPENT_DAYS_KEPT) } : {}),
  };
}

/** The days still kept on `today`, as a copy (the account is never changed in place). */
function keptDays(recent: Record<Day, number> | undefined, today: Day, daysKept: number): Record<Day, number> {
  const kept = { ...recent };
  const from = addDays(today, 1 - daysKept);
  // Keys are days in the order they were first earned, oldest first: stop at the first one kept.
  for (const day in kept) {
    if (day >= from) break;
    delete kept[day];
  }
  return kept;
}

function addEarned(account: Account, points: number, day: Day): void {
  account.earnedTotal = Math.max(0, account.earnedTotal + points);
  if (weekKey(day) === account.weekKey) account.weekEarned = Math.max(0, account.weekEarned + points);
  if (monthKey(day) === account.monthKey) account.monthEarned = Math.max(0, account.monthEarned + points);
  const recent = (account.recentEarned ??= {});
  if (day in recent || points > 0) {
    const left = Math.max(0, (recent[day] ?? 0) + points);
    if (left > 0) recent[day] = left;
    else delete recent[day];
  }
}
