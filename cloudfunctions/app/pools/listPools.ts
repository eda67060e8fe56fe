import type * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { ids, type AppStore } from '../kernel/documents';
import { pageOf } from '../kernel/paging';
import { listPoolsInput } from './inputs';
import { toPool } from './views';

/** The community's donation pools and pooled redemptions, newest first, a page at a time, each with what the caller put in. */
export async function listPools(input: z.output<typeof listPoolsInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid);
  const { rows, nextCursor } = await pageOf(store, 'pools', { communityId: input.communityId }, { ...input, order: 'desc' });
  const mine = await myContributions(
    store,
    rows.map((p) => p._id),
    caller.openid,
  );
  return { pools: rows.map((pool) => toPool(pool, caller.now, mine.get(pool._id) ?? 0)), nextCursor };
}

/** What the caller put into each of these pools: their backings, read by id in one query. */
export async function myContributions(store: AppStore, poolIds: string[], openid: string): Promise<Map<string, number>> {
  if (!poolIds.length) return new Map();
  const backings = await store.find('poolBackings', {
    where: { _id: { in: poolIds.map((id) => ids.backing(id, openid)) } },
    limit: poolIds.length,
    fields: ['poolId', 'points'],
  });
  return new Map(backings.map((b) => [b.poolId, b.points]));
}
