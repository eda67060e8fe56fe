import type * as z from 'zod';
import { mergeLots } from '../../core/ledger';
import { contribute } from '../../core/pools';
import { refusals } from '../../core/refusals';
import type { Caller, Deps } from '../kernel/context';
import { activeMemberIn, loadCommunity, ofCommunity } from '../kernel/access';
import { ids, type AppTransaction, type Found } from '../kernel/documents';
import type { BackingDoc, PoolDoc } from './documents';
import { once, requestKey } from '../kernel/idempotency';
import { postingTime, recordPostings } from '../kernel/ledgerWrites';
import { newOrder } from '../mall/newOrder';
import { writeNotice } from '../notices/notify';
import { contributeInput } from './inputs';
import { toPool } from './views';

/**
 * A member puts points into a pool. One transaction reads the member, the pool and the member's
 * backing, and writes the spend entry, the member, the backing and the pool: the pool's total is
 * decided by the database, so racing backers never raise more than its goal. The contribution
 * that reaches a pooled redemption's goal also writes the starter's order and notice.
 */
export async function contributeToPool(input: z.output<typeof contributeInput>, caller: Caller, { store, newId }: Deps) {
  const community = await loadCommunity(store, input.communityId);
  const time = postingTime(community, caller.now);
  const key = requestKey('pools.contribute', input.communityId, caller.openid, input.requestId);

  return store.transaction((tx) =>
    once(
      tx,
      { openid: caller.openid, requestId: input.requestId, params: { action: 'pools.contribute', ...input }, now: caller.now },
      async () => {
        const member = await activeMemberIn(tx, input.communityId, caller.openid);
        const pool = ofCommunity(await tx.get('pools', input.poolId), input.communityId, refusals.noPool);
        const backingId = ids.backing(input.poolId, caller.openid);
        const backing = await tx.get('poolBackings', backingId);
        const after = contribute(pool, input.points, caller.now, !backing);

        const { account, taken } = await recordPostings(
          tx,
          member,
          [
            {
              id: ids.ledger('pool', input.communityId, caller.openid, key),
              kind: 'spend',
              delta: -input.points,
              reason: `${pool.kind === 'donation' ? '捐赠' : '众筹'}「${pool.name}」`,
              refId: input.poolId,
            },
          ],
          time,
        );
        const at = caller.now.toISOString();
        const mine: BackingDoc = {
          communityId: input.communityId,
          poolId: input.poolId,
          openid: caller.openid,
          nickname: member.nickname,
          points: (backing?.points ?? 0) + input.points,
          spentLots: mergeLots(backing?.spentLots ?? [], taken),
          refunded: false,
          createdAt: backing?.createdAt ?? at,
          updatedAt: at,
        };
        await tx.set('poolBackings', backingId, mine);
        const changes: Partial<PoolDoc> = { raised: after.raised, backers: pool.backers + after.backersAdded, updatedAt: at };
        if (after.funded) {
          changes.status = 'funded';
          if (pool.kind === 'pooled') changes.orderId = await placePooledOrder(tx, pool, caller.now, newId());
        }
        await tx.update('pools', input.poolId, changes);
        return { pool: toPool({ ...pool, ...changes }, caller.now, mine.points), balance: account.balance };
      },
    ),
  );
}

/** The funded pool's reward becomes the starter's order (its unit was reserved at the start), with a notice. */
async function placePooledOrder(tx: AppTransaction, pool: Found<PoolDoc>, now: Date, pickupSeed: string): Promise<string> {
  const orderId = ids.poolOrder(pool._id);
  const item = await tx.get('items', pool.itemId!);
  const order = newOrder(
    orderId,
    {
      communityId: pool.communityId,
      openid: pool.starter!,
      nickname: pool.starterNickname ?? '',
      itemId: pool.itemId!,
      itemName: pool.name,
      kind: item?.kind ?? 'physical',
      quantity: 1,
      points: pool.goalPoints,
      pickupSeed,
    },
    now,
  );
  await tx.create('orders', orderId, { ...order, poolId: pool._id });
  await writeNotice(
    tx,
    {
      communityId: pool.communityId,
      openid: pool.starter!,
      kind: 'pool_funded',
      refId: pool._id,
      title: `众筹「${pool.name}」已凑齐 ${pool.goalPoints} 积分`,
      body: '奖品已为你下单，请在我的订单里查看',
      points: 0,
    },
    now,
  );
  return orderId;
}
