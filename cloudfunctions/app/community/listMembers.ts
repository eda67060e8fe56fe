import * as z from 'zod';
import { dayOf } from '../../core/days';
import type { Caller, Deps } from '../context';
import { READ_WITHOUT_LOTS, requireMember } from '../access';
import { STAFF } from '../../core/roles';
import { ids } from '../documents';
import { MEMBER_VIEW_FIELDS, toMember } from './toMember';
import { listMembersInput } from './inputs';
import { pageOf } from '../paging';

/**
 * Members for the owner console: in joining order, or with `q` those whose nickname starts
 * with it, by name — a range on an index, so a search costs the same in any community. A `q`
 * that is a member's openid puts that member first.
 */
export async function listMembers(input: z.output<typeof listMembersInput>, caller: Caller, { store }: Deps) {
  const { community } = await requireMember(store, input.communityId, caller.openid, STAFF);
  const show = (member: Parameters<typeof toMember>[0]) => toMember(member, community, dayOf(caller.now, community.timezone));
  const { communityId, q } = input;
  if (!q) {
    const { rows, nextCursor } = await pageOf(store, 'members', { communityId }, { ...input, order: 'asc', fields: MEMBER_VIEW_FIELDS });
    return { members: rows.map(show), nextCursor };
  }
  const [exact, { rows, nextCursor }] = await Promise.all([
    input.cursor ? null : store.get('members', ids.member(communityId, q), READ_WITHOUT_LOTS),
    pageOf(store, 'members', { communityId, nameKey: { gte: q, lt: `${q}\uffff` } }, { ...input, order: 'asc', by: 'nameKey', fields: MEMBER_VIEW_FIELDS }),
  ]);
  const byName = rows.filter((row) => row.openid !== exact?.openid);
  return { members: [...(exact ? [exact] : []), ...byName].map(show), nextCursor };
}
