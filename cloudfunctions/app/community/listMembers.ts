import * as z from 'zod';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import { STAFF } from '../../core/roles';
import { MEMBER_VIEW_FIELDS, toMember } from '../ledgerWrites';

import { listMembersInput } from './inputs';
import { pageOf } from '../paging';

/** Members in joining order, for the owner console. */
export async function listMembers(input: z.output<typeof listMembersInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, STAFF);
  const { rows, nextCursor } = await pageOf(store, 'members', { communityId: input.communityId }, { ...input, order: 'asc', fields: MEMBER_VIEW_FIELDS });
  return { members: rows.map(toMember), nextCursor };
}
