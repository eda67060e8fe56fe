import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import { OWNER } from '../../core/roles';
import { ids, type MemberDoc } from '../documents';
import { toMember } from '../ledgerWrites';
import { setRoleInput } from './inputs';

/** The owner appoints and removes moderators; the owner's own role is not for changing. */
export async function setRole(input: z.output<typeof setRoleInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  if (input.openid === caller.openid) refuse('FORBIDDEN', '群主的身份不能更改');
  const id = ids.member(input.communityId, input.openid);
  const member = await store.transaction(async (tx) => {
    const target = (await tx.get<MemberDoc>('members', id)) ?? refuse('NOT_FOUND', '这个人还不是社群成员');
    if (target.role === 'owner') refuse('FORBIDDEN', '群主的身份不能更改');
    if (target.role !== input.role) await tx.update('members', id, { role: input.role });
    return { ...target, role: input.role };
  });
  return { member: toMember(member) };
}
