import * as z from 'zod';
import type { Caller, Deps } from '../context';
import { STAFF, requireMember } from '../access';
import type { MemberDoc } from '../documents';
import { toMember } from '../ledgerWrites';
import { communityId, cursor, decodeCursor, limit, pageOf } from '../schemas';

export const listMembersInput = z.object({ communityId, cursor, limit });

/** Members in joining order, for the owner console. */
export async function listMembers(input: z.output<typeof listMembersInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, STAFF);
  const rows = await store.find<MemberDoc>('members', {
    where: { communityId: input.communityId, ...(input.cursor ? { sortKey: { gt: decodeCursor(input.cursor) } } : {}) },
    orderBy: [['sortKey', 'asc']],
    limit: input.limit + 1,
  });
  const { page, nextCursor } = pageOf(rows, input.limit);
  return { members: page.map(toMember), nextCursor };
}
