import { refuse } from '../core/errors';
import { withDefaults } from '../core/rules';
import type { Store } from '../store/port';
import type { Role } from '../core/roles';
import { ids, type CommunityDoc, type Found, type MemberDoc } from './documents';

/** A community, its rules completed with defaults for any rule added since it was created. */
export async function loadCommunity(store: Store, communityId: string): Promise<Found<CommunityDoc>> {
  const community = (await store.get<CommunityDoc>('communities', communityId)) ?? refuse('NOT_FOUND', '社群不存在');
  return { ...community, rules: withDefaults(community.rules) };
}

/** The caller's membership, or FORBIDDEN: everything inside a community is for its members. */
export async function requireMember(
  store: Store,
  communityId: string,
  openid: string,
  roles: readonly Role[] = ['owner', 'moderator', 'member'],
): Promise<{ community: Found<CommunityDoc>; member: Found<MemberDoc> }> {
  const [community, member] = await Promise.all([
    loadCommunity(store, communityId),
    store.get<MemberDoc>('members', ids.member(communityId, openid)),
  ]);
  if (!member) return refuse('FORBIDDEN', '请先加入这个社群');
  if (!roles.includes(member.role)) return refuse('FORBIDDEN', roles.includes('moderator') ? '只有群主和管理员可以这样做' : '只有群主可以这样做');
  return { community, member };
}

