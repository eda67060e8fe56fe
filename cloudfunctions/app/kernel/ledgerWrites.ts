import type { ActivityMark } from '../../core/activity';
import { dayOf, type Day } from '../../core/days';
import { postAll, type Account, type LedgerEntry, type Lot, type Posting, type PostingTime } from '../../core/ledger';
import type { Rules } from '../../core/rules';
import { tierAfterPosting } from '../../core/tiers';
import type { AppTransaction } from './documents';
import type { Entry } from '../../contract/api';
import { ids, type LedgerDoc } from './documents';
import type { CommunityDoc, MemberDoc } from '../community/documents';

/** When and under which rules postings happen: the ledger's time, and the rules a rolling tier is kept by. */
export type LedgerTime = PostingTime & { rules: Pick<Rules, 'tiers' | 'tierRetention'> };

export function postingTime(community: CommunityDoc, now: Date, day: Day = dayOf(now, community.timezone)): LedgerTime {
  return { now, day, timezone: community.timezone, expiryDays: community.rules.expiry.days, rules: community.rules };
}

/** Rolling mode: the tier after the points moved (an upgrade at once; a shortfall waits for the review). */
function tierFields(member: MemberDoc, account: Account, time: LedgerTime): Partial<MemberDoc> {
  if (time.rules.tierRetention.mode !== 'rolling') return {};
  const changes = tierAfterPosting({ ...member, ...account }, time.rules, time.day);
  return { ...changes, tierReviewKey: tierReviewKey(changes.tierReviewOn, member) };
}

/** Points about to expire are told 7 days ahead, once per batch. */
export const EXPIRY_WARNING_DAYS = 7;
const WARNED = '9999';

/** A new next batch (its expiry moved) is due a warning 7 days before it expires; the same batch keeps its state. */
function expiryWarning(member: MemberDoc, account: Account): Partial<MemberDoc> {
  if (account.nextExpiryAt === member.nextExpiryAt) return {};
  return { expiryWarnKey: account.nextExpiryAt ? expiryWarnKey(account.nextExpiryAt, member) : expiryWarned(member) };
}

export const expiryWarnKey = (nextExpiryAt: string, member: Pick<MemberDoc, 'communityId' | 'openid'>) =>
  `${new Date(Date.parse(nextExpiryAt) - EXPIRY_WARNING_DAYS * 86_400_000).toISOString()}|${ids.member(member.communityId, member.openid)}`;
export const expiryWarned = (member: Pick<MemberDoc, 'communityId' | 'openid'>) =>
  `${WARNED}|${ids.member(member.communityId, member.openid)}`;

export const tierReviewKey = (on: Day | null, member: Pick<MemberDoc, 'communityId' | 'openid'>) =>
  `${on ?? NEVER_REVIEWED}|${member.communityId}|${member.openid}`;
const NEVER_REVIEWED = '9999-12-31';

/**
 * Records postings on a member's account inside a transaction: the core works out the entries
 * and the new account (postAll), then one immutable ledger document per entry is created and
 * the member document is updated once with the new account and `extra` (or what `extra` makes of
 * the entries, for a member field that records them).
 */
export async function recordPostings(
  tx: AppTransaction,
  member: MemberDoc,
  postings: Posting[],
  time: LedgerTime,
  extra: Partial<MemberDoc> | ((posted: { account: Account; entries: LedgerEntry[] }) => Partial<MemberDoc>) = {},
  /** The day's first activity, carried by the first entry (see recordActivity). */
  mark: ActivityMark | null = null,
): Promise<{ account: Account; entries: LedgerEntry[]; taken: Lot[] }> {
  const { account, entries, taken } = postAll(member, postings, time);
  for (const [i, entry] of entries.entries()) {
    const doc: LedgerDoc = {
      ...entry,
      communityId: member.communityId,
      openid: member.openid,
      sortKey: ledgerSortKey(entry.seq),
      timeKey: `${entry.createdAt}|${entry.id}`,
      ...(i === 0 && mark ? { active: mark } : {}),
    };
    // Create-only: an entry is immutable, so an id that is taken fails loudly instead of replacing it.
    await tx.create('ledger', entry.id, doc);
  }
  const fields = typeof extra === 'function' ? extra({ account, entries }) : extra;
  if (entries.length || Object.keys(fields).length) {
    await tx.update('members', ids.member(member.communityId, member.openid), {
      ...accountFields(account),
      earnedKey: earnedKey(account.earnedTotal, member.openid),
      ...expiryWarning(member, account),
      ...tierFields(member, account, time),
      ...fields,
    });
  }
  return { account, entries, taken };
}

/** earnedTotal, zero-padded, |openid: the member list by points and a tier's members page by it. */
export const earnedKey = (earnedTotal: number, openid: string) => `${String(earnedTotal).padStart(12, '0')}|${openid}`;

/** A member's entries newest first are their sequence numbers, highest first. */
export const ledgerSortKey = (seq: number) => String(seq).padStart(12, '0');

function accountFields(account: Account): Account {
  const {
    balance,
    earnedTotal,
    lots,
    nextExpiryAt,
    nextExpiryPoints,
    weekKey,
    weekEarned,
    monthKey,
    monthEarned,
    seq,
    recentEarned,
    recentSpent,
  } = account;
  // recentSpent only once there is one: a member who never spends carries none.
  return {
    balance,
    earnedTotal,
    lots,
    nextExpiryAt,
    nextExpiryPoints,
    weekKey,
    weekEarned,
    monthKey,
    monthEarned,
    seq,
    recentEarned: recentEarned ?? {},
    ...(recentSpent ? { recentSpent } : {}),
  };
}

export const toEntry = ({ id, delta, kind, reason, refId, balanceAfter, createdAt, seq, detail }: LedgerEntry): Entry => ({
  id,
  delta,
  kind,
  reason,
  refId,
  balanceAfter,
  createdAt,
  seq,
  ...(detail ? { detail } : {}),
});
