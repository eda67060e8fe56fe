import * as z from 'zod';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import { STAFF } from '../../core/roles';
import type { MemberDoc } from '../documents';
import { toMember } from '../ledgerWrites';
import { decodeCursor, pageOf } from '../schemas';
import { listMembersInput } from './inputs';

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
