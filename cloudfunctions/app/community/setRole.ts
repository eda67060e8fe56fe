import * as z from 'zod';
import { dayOf } from '../../core/days';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { OWNER } from '../../core/roles';
import { isRanked } from './newMember';
import { segmentKeys } from '../kernel/activity';
import { recordAudit } from '../kernel/audit';
import { ids } from '../kernel/documents';
import { toMember } from './toMember';
import { setRoleInput } from './inputs';
import { refusals } from '../../core/refusals';

/** The owner appoints and removes moderators (a change is audited); the owner's own role is not for changing. */
export async function setRole(input: z.output<typeof setRoleInput>, caller: Caller, { store }: Deps) {
  const { community } = await requireMember(store, input.communityId, caller.openid, OWNER);
  if (input.openid === caller.openid) refusals.ownerRoleFixed();
  const id = ids.member(input.communityId, input.openid);
  const member = await store.transaction(async (tx) => {
    const target = (await tx.get('members', id)) ?? refusals.noSuchMember();
    if (target.role === 'owner') refusals.ownerRoleFixed();
    if (target.role !== input.role) {
      // A moderator leaves the members' health counts and segments; a former one returns to them.
      await tx.update('members', id, {
        role: input.role,
        ranked: isRanked({ ...target, role: input.role }),
        ...segmentKeys({ ...target, role: input.role }),
      });
      await recordAudit(
        tx,
        {
          communityId: input.communityId,
          action: 'community.setRole',
          target: input.openid,
          detail: { before: target.role, after: input.role },
        },
        caller,
      );
    }
    return { ...target, role: input.role };
  });
  return { member: toMember(member, community, dayOf(caller.now, community.timezone)) };
}
