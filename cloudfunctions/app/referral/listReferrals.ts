import type * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { toReferral } from './views';
import { listReferralsInput } from './inputs';
import { pageOf } from '../kernel/paging';

/** The people I invited, newest first, a page at a time, each with where their invitation stands. */
export async function listReferrals(input: z.output<typeof listReferralsInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid);
  const { rows, nextCursor } = await pageOf(
    store,
    'referrals',
    { communityId: input.communityId, inviter: caller.openid },
    { ...input, order: 'desc' },
  );
  return { referrals: rows.map(toReferral), nextCursor };
}
