import * as z from 'zod';
import { refuse } from '../../core/errors';
import { refusals } from '../../core/refusals';
import type { Caller, Deps } from '../kernel/context';
import { ofCommunity, requireMember } from '../kernel/access';
import { setShippingInput } from './inputs';
import { toOrder } from './views';

/**
 * A member gives the address for their own physical reward (a redemption or a lottery prize)
 * while it waits to be shipped; again, to correct it. Another member's order is as good as none.
 */
export async function setShipping(input: z.output<typeof setShippingInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid);
  const order = await store.transaction(async (tx) => {
    const found = ofCommunity(await tx.get('orders', input.orderId), input.communityId, refusals.noOrder);
    if (found.openid !== caller.openid) refusals.noOrder();
    if (found.kind !== 'physical') refuse('INVALID_INPUT', '这个奖品不用寄送');
    if (found.status !== 'pending' && found.status !== 'unpaid')
      refuse('CONFLICT', found.status === 'fulfilled' ? '订单已发货，地址不能再改' : '订单已取消');
    const changes = { shipping: input.shipping, updatedAt: caller.now.toISOString() };
    await tx.update('orders', input.orderId, changes);
    return { ...found, ...changes };
  });
  return { order: toOrder(order) };
}
