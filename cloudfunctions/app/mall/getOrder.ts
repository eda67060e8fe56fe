import type * as z from 'zod';
import { actsAsStaff } from '../../core/roles';
import { refusals } from '../../core/refusals';
import type { Caller, Deps } from '../kernel/context';
import { ofCommunity, requireMember } from '../kernel/access';
import { getOrderInput } from './inputs';
import { toOrder } from './views';

/** One order, for its detail page: the member's own, or any for staff (someone else's is not found, as if it did not exist). */
export async function getOrder(input: z.output<typeof getOrderInput>, caller: Caller, { store }: Deps) {
  const { member } = await requireMember(store, input.communityId, caller.openid);
  const order = ofCommunity(await store.get('orders', input.orderId), input.communityId, refusals.noOrder);
  if (order.openid !== caller.openid && !actsAsStaff(member)) refusals.noOrder();
  return { order: toOrder(order) };
}
