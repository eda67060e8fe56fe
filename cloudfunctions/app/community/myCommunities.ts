import type * as z from 'zod';
import { actingRole } from '../../core/roles';
import type { Caller, Deps } from '../kernel/context';
import { myCommunitiesInput } from './inputs';

/** Communities one person belongs to, at most (a switcher's list, read in one query). */
const MAX_LISTED = 50;
/** Unread notices counted per community at most (the badge shows 99+ beyond). */
const UNREAD_COUNTED = 100;

/**
 * Every community the caller belongs to, for the switcher (我的社群): each with their role,
 * balance and unread notices, the most recently active first (then the newest joined). Three
 * queries whatever the number: memberships, the communities' names, the unread notices.
 */
export async function myCommunities(_input: z.output<typeof myCommunitiesInput>, caller: Caller, { store }: Deps) {
  const memberships = await store.find('members', {
    where: { openid: caller.openid },
    orderBy: [['lastActiveDay', 'desc']],
    limit: MAX_LISTED,
    fields: ['communityId', 'role', 'banned', 'balance', 'lastActiveDay', 'joinedAt'],
  });
  if (!memberships.length) return { communities: [] };
  const ids = memberships.map((m) => m.communityId);
  const [communities, unread] = await Promise.all([
    store.find('communities', { where: { _id: { in: ids } }, limit: ids.length, fields: ['name'] }),
    store.find('notices', { where: { openid: caller.openid, read: false }, limit: UNREAD_COUNTED * 5, fields: ['communityId'] }),
  ]);
  const names = new Map(communities.map((c) => [c._id, c.name]));
  const unreadIn = (communityId: string) => Math.min(UNREAD_COUNTED, unread.filter((n) => n.communityId === communityId).length);
  const recent = (m: (typeof memberships)[number]) => `${m.lastActiveDay ?? ''}|${m.joinedAt}`;
  return {
    communities: memberships
      .filter((m) => names.has(m.communityId))
      .sort((a, b) => recent(b).localeCompare(recent(a)))
      .map((m) => ({
        id: m.communityId,
        name: names.get(m.communityId)!,
        role: actingRole(m),
        balance: m.balance,
        unread: unreadIn(m.communityId),
      })),
  };
}
