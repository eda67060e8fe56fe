import type * as z from 'zod';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import { toReferral } from './views';
import { listReferralsInput } from './inputs';

const SHOWN = 200;

/** The people I invited, newest first, each with where their invitation stands. */
export async function listReferrals({ communityId }: z.output<typeof listReferralsInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, communityId, caller.openid);
  const rows = await store.find('referrals', { where: { communityId, inviter: caller.openid }, orderBy: [['sortKey', 'desc']], limit: SHOWN });
  return { referrals: rows.map(toReferral) };
}
