import { refusals } from '../core/refusals';
import type { Role } from '../core/roles';
import { withDefaults } from '../core/rules';
import { ids, type AppStore, type AppTransaction, type CommunityDoc, type Found, type MemberDoc } from './documents';

/** A community, its rules completed with defaults for any rule added since it was created. */
export async function loadCommunity(store: AppStore, communityId: string): Promise<Found<CommunityDoc>> {
  const community = (await store.get('communities', communityId)) ?? refusals.noCommunity();
  return { ...community, rules: withDefaults(community.rules) };
}

/**
 * What a read outside a transaction sees of a member: everything but the expiry lots, which grow
 * with every earning day and matter only to a transaction that moves points.
 */
export type MemberRead = Omit<MemberDoc, 'lots'>;
export const READ_WITHOUT_LOTS = { omit: ['lots'] } as const;

/** The caller's membership, or FORBIDDEN: everything inside a community is for its members. */
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
  if (!roles.includes(member.role)) return roles.includes('moderator') ? refusals.staffOnly() : refusals.ownerOnly();
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
