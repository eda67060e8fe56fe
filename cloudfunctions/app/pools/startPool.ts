import type * as z from 'zod';
import { refuse } from '../../core/errors';
import { checkRedemption, poolRefusal, redeemedAfter } from '../../core/mall';
import { poolDeadline } from '../../core/pools';
import { refusals } from '../../core/refusals';
import { tierOf } from '../../core/tiers';
import type { Caller, Deps } from '../kernel/context';
import { activeMemberIn, loadCommunity, ofCommunity } from '../kernel/access';
import { dayOf } from '../../core/days';
import type { PoolDoc } from './documents';
import { once, requestKey } from '../kernel/idempotency';
import { startPoolInput } from './inputs';
import { toPool } from './views';

/**
 * 积分众筹: a member starts pooling points for one unit of a reward that may be beyond them
 * alone. The unit is reserved at once (so backers never fund something sold out meanwhile) and
 * counts against the starter's per-member limit; the goal is its price, the deadline
 * rules.pool.days away. Funded in time, it becomes the starter's order; if not, the settle job
 * refunds every backer and puts the unit back.
 */
export async function startPool(input: z.output<typeof startPoolInput>, caller: Caller, { store }: Deps) {
  const community = await loadCommunity(store, input.communityId);
  const today = dayOf(caller.now, community.timezone);
  const poolId = requestKey('pools.start', input.communityId, caller.openid, input.requestId);

  // The answer is made inside, so a replay gets the first one as it was (its status then).
  return store.transaction((tx) =>
    once(
      tx,
      { openid: caller.openid, requestId: input.requestId, params: { action: 'pools.start', ...input }, now: caller.now },
      async () => {
        const member = await activeMemberIn(tx, input.communityId, caller.openid);
        const item = ofCommunity(await tx.get('items', input.itemId), input.communityId, refusals.noItem);
        const unpoolable = poolRefusal(item);
        if (unpoolable) refuse('FORBIDDEN', unpoolable);
        const alreadyRedeemed = member.redeemed?.[input.itemId] ?? 0;
        checkRedemption(
          item,
          { tierIndex: tierOf(member, community.rules, today).index, alreadyRedeemed },
          1,
          caller.now,
          community.rules.tiers,
        );
        const at = caller.now.toISOString();
        const doc: PoolDoc = {
          communityId: input.communityId,
          kind: 'pooled',
          name: item.name,
          description: `${member.nickname} 发起的积分众筹，凑齐 ${item.pointsPrice} 积分即可兑换`,
          goalPoints: item.pointsPrice,
          raised: 0,
          backers: 0,
          status: 'open',
          endsAt: poolDeadline(caller.now, community.rules.pool.days),
          itemId: input.itemId,
          starter: caller.openid,
          starterNickname: member.nickname,
          orderId: null,
          refunded: false,
          createdAt: at,
          updatedAt: at,
          sortKey: `${at}|${poolId}`,
        };
        await tx.create('pools', poolId, doc);
        await tx.update('items', input.itemId, { stock: item.stock - 1, updatedAt: at });
        await tx.update('members', member._id, { redeemed: redeemedAfter(member.redeemed, input.itemId, 1) });
        return { pool: toPool({ ...doc, _id: poolId }, caller.now, 0) };
      },
    ),
  );
}
