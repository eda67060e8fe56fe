import type * as z from 'zod';
import { refuse } from '../../core/errors';
import { refusals } from '../../core/refusals';
import type { Caller, Deps } from '../kernel/context';
import { ofCommunity, requireMember } from '../kernel/access';
import { checkout } from './checkout';
import { payOrderInput } from './inputs';

/** The payer comes back to an unpaid points + cash order (my orders, 继续支付): the same prepay order while it has not expired. */
export async function payOrder(input: z.output<typeof payOrderInput>, caller: Caller, deps: Deps) {
  const { community } = await requireMember(deps.store, input.communityId, caller.openid);
  const order = ofCommunity(await deps.store.get('orders', input.orderId), input.communityId, refusals.noOrder);
  if (order.openid !== caller.openid || !order.payment) return refusals.noOrder();
  if (order.status === 'cancelled') refuse('FORBIDDEN', '订单已超时取消，积分已退回');
  if (order.status !== 'unpaid') refuse('ALREADY_DONE', '这个订单已经支付过了');
  if (Date.parse(order.payment.expiresAt) <= caller.now.getTime()) refuse('FORBIDDEN', '支付已超时，订单将自动取消并退回积分');
  const payment = (await checkout(deps, order, { communityName: community.name, clientIp: caller.clientIp ?? null }))!;
  if (!payment.params) refuse('CONFLICT', '微信支付暂时没有响应，请稍后再试');
  return { payment };
}
