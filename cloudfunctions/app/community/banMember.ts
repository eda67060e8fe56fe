import * as z from 'zod';
import { dayOf } from '../../core/days';
import { refuse } from '../../core/errors';
import { refusals } from '../../core/refusals';
import { OWNER } from '../../core/roles';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import { ids } from '../kernel/documents';
import { banMemberInput } from './inputs';
import { toMember } from './toMember';

/**
 * The owner suspends a member from earning and spending, or lifts it, with a reason the audit
 * log keeps. The member keeps their points and history and can still read. The owner cannot be
 * banned; asking for the state a member already has changes nothing and records nothing.
 */
export async function banMember(input: z.output<typeof banMemberInput>, caller: Caller, deps: Deps) {
  const { community } = await requireMember(deps.store, input.communityId, caller.openid, OWNER);
  const id = ids.member(input.communityId, input.openid);
  const member = await deps.store.transaction(async (tx) => {
    const target = (await tx.get('members', id)) ?? refusals.noSuchMember();
    if (target.role === 'owner') refuse('FORBIDDEN', '群主不能被禁用');
    if (Boolean(target.banned) === input.banned) return target;
    const banned = input.banned ? { reason: input.reason, by: caller.openid, at: caller.now.toISOString() } : null;
    await tx.update('members', id, { banned });
    await recordAudit(
      tx,
      {
        communityId: input.communityId,
        action: 'community.ban',
        target: input.openid,
        detail: { banned: input.banned, reason: input.reason },
      },
      caller,
    );
    return { ...target, banned };
  });
  return { member: toMember(member, community, dayOf(caller.now, community.timezone)) };
}
