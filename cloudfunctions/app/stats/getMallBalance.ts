import * as z from 'zod';
import { mallBalance } from '../../core/mallBalance';
import { STAFF } from '../../core/roles';
import { liabilityOf } from '../../core/stats';
import { requireMember } from '../kernel/access';
import { allLimited } from '../kernel/calls';
import type { Caller, Deps } from '../kernel/context';
import { emptyStats } from '../jobs/rollupStats';
import { mallBalanceInput } from './inputs';

/** The rewards one look covers: a community's mall is a shelf, not a warehouse. */
const REWARDS = 200;

/**
 * Points outstanding (as of the last rollup) against the points the stock on sale can honour,
 * each reward's redemptions, and the rewards nobody redeems (core/mallBalance). One count of
 * orders per reward, a few at a time.
 */
export async function getMallBalance(input: z.output<typeof mallBalanceInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, STAFF);
  const [stats, items] = await Promise.all([
    store.get('stats', input.communityId),
    store.find('items', {
      where: { communityId: input.communityId },
      orderBy: [['sortKey', 'asc']],
      limit: REWARDS,
      fields: ['name', 'pointsPrice', 'stock', 'active', 'createdAt'],
    }),
  ]);
  const redeemed = await allLimited(
    items.map(
      (item) => () =>
        store.count('orders', { communityId: input.communityId, itemId: item._id, status: { in: ['unpaid', 'pending', 'fulfilled'] } }),
    ),
  );
  const rewards = items.map((item, i) => ({
    id: item._id,
    name: item.name,
    pointsPrice: item.pointsPrice,
    stock: item.stock,
    redeemed: redeemed[i],
    active: item.active,
    createdAt: item.createdAt,
  }));
  return { asOf: stats?.asOf ?? null, ...mallBalance(liabilityOf((stats ?? emptyStats(input.communityId)).totals), rewards, caller.now) };
}
