import type * as z from 'zod';
import { refuse } from '../../core/errors';
import { requireMember } from '../kernel/access';
import type { Caller, Deps } from '../kernel/context';
import { once } from '../kernel/idempotency';
import { claimBalanceInput } from './inputs';
import { creditRow } from './creditRow';

/** A member claims the opening balance the owner's code (or link) names: once, to the first who claims it. */
export async function claimBalance(input: z.output<typeof claimBalanceInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, input.communityId, caller.openid);
  // Every manual credit has a second person behind it: the owner, who holds the codes, claims none.
  if (member.role === 'owner') refuse('FORBIDDEN', '群主不能领取导入的积分');
  return store.transaction((tx) =>
    once(
      tx,
      { openid: caller.openid, requestId: input.requestId, params: { action: 'points.claimBalance', ...input }, now: caller.now },
      () => creditRow(tx, community, input.code, caller.openid, 'code', caller),
    ),
  );
}
