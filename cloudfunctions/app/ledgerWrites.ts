import { dayOf, type Day } from '../core/days';
import { postEntry, type Account, type LedgerEntry, type Posting, type PostingTime } from '../core/ledger';
import type { AppTransaction } from './documents';
import type { Entry, Member } from './api';
import { ids, type CommunityDoc, type LedgerDoc, type MemberDoc } from './documents';

export function postingTime(community: CommunityDoc, now: Date, day: Day = dayOf(now, community.timezone)): PostingTime {
  return { now, day, timezone: community.timezone, expiryDays: community.rules.expiry.days };
}

/**
 * Records postings on a member's account inside a transaction: one immutable ledger document
 * per posting, plus one update of the member document carrying the new account and `extra`
 * (or what `extra` makes of the new account).
 * Zero-point postings are skipped (a rule may set points to 0).
 */
export async function recordPostings(
  tx: AppTransaction,
  member: MemberDoc,
  postings: Posting[],
  time: PostingTime,
  extra: Partial<MemberDoc> | ((account: Account) => Partial<MemberDoc>) = {},
): Promise<{ account: Account; entries: LedgerEntry[] }> {
  let account: Account = member;
  const entries: LedgerEntry[] = [];
  for (const posting of postings.filter((p) => p.delta !== 0)) {
    const posted = postEntry(account, posting, time);
    account = posted.account;
    entries.push(posted.entry);
  }
  for (const entry of entries) {
    const doc: LedgerDoc = { ...entry, communityId: member.communityId, openid: member.openid, sortKey: ledgerSortKey(entry.seq) };
    // Create-only: an entry is immutable, so an id that is taken fails loudly instead of replacing it.
    await tx.create('ledger', entry.id, doc);
  }
  const fields = typeof extra === 'function' ? extra(account) : extra;
  if (entries.length || Object.keys(fields).length) {
    await tx.update('members', ids.member(member.communityId, member.openid), { ...accountFields(account), ...fields });
  }
  return { account, entries };
}

/** A member's entries newest first are their sequence numbers, highest first. */
export const ledgerSortKey = (seq: number) => String(seq).padStart(12, '0');

function accountFields(account: Account): Account {
  const { balance, earnedTotal, lots, nextExpiryAt, weekKey, weekEarned, monthKey, monthEarned, seq } = account;
  return { balance, earnedTotal, lots, nextExpiryAt, weekKey, weekEarned, monthKey, monthEarned, seq };
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

export const toMember = ({ openid, nickname, role, joinedAt, balance, earnedTotal, groupId, invitedBy }: MemberDoc): Member => ({
  openid,
  nickname,
  role,
  joinedAt,
  balance,
  earnedTotal,
  groupId: groupId ?? null,
  invitedBy: invitedBy ?? null,
});
