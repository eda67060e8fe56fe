import type * as z from 'zod';
import { refusals } from '../../core/refusals';
import type { Caller, Deps } from '../kernel/context';
import { ofCommunity, requireMember } from '../kernel/access';
import { getPoolInput } from './inputs';
import { myContributions } from './listPools';
import { toBacker, toPool } from './views';

const BACKERS_SHOWN = 50;

/** One pool and its biggest backers, for the pool's page. */
export async function getPool(input: z.output<typeof getPoolInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid);
  const pool = ofCommunity(await store.get('pools', input.poolId), input.communityId, refusals.noPool);
  const [backers, mine] = await Promise.all([
    store.find('poolBackings', { where: { poolId: input.poolId }, orderBy: [['points', 'desc']], limit: BACKERS_SHOWN }),
    myContributions(store, [input.poolId], caller.openid),
  ]);
  return { pool: toPool(pool, caller.now, mine.get(input.poolId) ?? 0), backers: backers.map(toBacker) };
}
