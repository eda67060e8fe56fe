import { refusals } from '../../core/refusals';
import { actingRole, type Role } from '../../core/roles';
import { withDefaults, type Rules } from '../../core/rules';
import { ids, type AppStore, type AppTransaction, type Found } from './documents';
import type { CommunityDoc, MemberDoc } from '../community/documents';

/**
 * Rules completed with defaults, remembered (frozen, shared): every request loads its community,
 * and the stored rules change only when the owner edits them. Found first by the stored object
 * itself (the read cache hands out the same one until it refreshes), else by its text.
 */
const completedByObject = new WeakMap<object, Rules>();
const completed = new Map<string, Rules>();
function rulesOf(stored: Rules): Rules {
  const known = completedByObject.get(stored);
  if (known) return known;
  const text = JSON.stringify(stored);
  let rules = completed.get(text);
  if (!rules) {
    if (completed.size >= 256) completed.clear();
    rules = deepFreeze(withDefaults(stored));
    completed.set(text, rules);
  }
  completedByObject.set(stored, rules);
  return rules;
}

/** Shared between requests, so nobody may change it: a use case that tried would throw. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** A community, its rules completed with defaults for any rule added since it was created. */
export async function loadCommunity(store: AppStore, communityId: string): Promise<Found<CommunityDoc>> {
  const community = (await store.get('communities', communityId)) ?? refusals.noCommunity();
  return { ...community, rules: rulesOf(community.rules) };
}

/**
 * What a read outside a transaction sees of a member: everything but the expiry lots and the
 * days' earnings, which grow with every earning day and matter only to a transaction that moves
 * points (and to a rolling tier's window: see myTierFacts).
 */
export type MemberRead = Omit<MemberDoc, 'lots' | 'recentEarned' | 'recentSpent'>;
export const READ_WITHOUT_LOTS = { omit: ['lots', 'recentEarned', 'recentSpent'] } as const;

/** The facts a member's own tier card needs: in rolling mode, the days' earnings too (one more read, only there). */
export async function myTierFacts(
  store: AppStore,
  community: Found<CommunityDoc>,
  member: Found<MemberRead>,
): Promise<MemberRead & Pick<MemberDoc, 'recentEarned'>> {
  if (community.rules.tierRetention.mode !== 'rolling') return member;
  const full = await store.get('members', member._id, { omit: ['lots'] });
  return { ...member, recentEarned: full?.recentEarned };
}

/**
 * The caller's membership, or FORBIDDEN: everything inside a community is for its members, and
 * staff actions for staff acting now (a ban suspends a moderator's powers: see actingRole).
 */
export async function requireMember(
  store: AppStore,
  communityId: string,
  openid: string,
  roles: readonly Role[] = ['owner', 'moderator', 'member'],
): Promise<{ community: Found<CommunityDoc>; member: Found<MemberRead> }> {
  const [community, member] = await Promise.all([
    loadCommunity(store, communityId),
    store.get('members', ids.member(communityId, openid), READ_WITHOUT_LOTS),
  ]);
  if (!member) return refusals.notMember();
  if (!roles.includes(actingRole(member))) {
    // An appointed moderator under a ban is told why, not that they are not staff.
    if (roles.includes(member.role)) return refusals.banned();
    return roles.includes('moderator') ? refusals.staffOnly() : refusals.ownerOnly();
  }
  return { community, member };
}

/**
 * Inside the transaction of an action that earns or spends: the caller's member document, or
 * FORBIDDEN for an outsider and for a banned member.
 */
export async function activeMemberIn(tx: AppTransaction, communityId: string, openid: string): Promise<Found<MemberDoc>> {
  const member = (await tx.get('members', ids.member(communityId, openid))) ?? refusals.notMember();
  return member.banned ? refusals.banned() : member;
}

/** A document that belongs to this community, or the refusal: another community's id is as good as none. */
export function ofCommunity<T extends { communityId: string }>(doc: Found<T> | null, communityId: string, missing: () => never): Found<T> {
  return doc && doc.communityId === communityId ? doc : missing();
}
