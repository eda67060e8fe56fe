import * as z from 'zod';
import { refuse } from '../../core/errors';
import { increment } from '../../store/port';
import type { Caller, Deps } from '../kernel/context';
import { ofCommunity, requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';
import { STAFF } from '../../core/roles';
import { ids } from '../kernel/documents';
import type { OrderDoc } from './documents';
import { postingTime, recordPostings } from '../kernel/ledgerWrites';
import { orderRefund } from './orderRefund';
import { advanceRefund, closeAtWeChatPay, startRefund } from './refunds';
import { ORDERS_PAGE, toOrder } from './views';
import { redeemedAfter } from '../../core/mall';
import { cancelOrderInput } from './inputs';
import { refusals } from '../../core/refusals';
import { yuan } from '../../core/money';

/**
 * Staff cancel an order that is not yet fulfilled: the points come back as a refund entry and
 * the stock returns — to the reward, or for a lottery prize to its draw — exactly once however
 * often or concurrently it is cancelled. A points + cash order's money goes back through WeChat
 * Pay (refunds.ts); one still unpaid is closed there, so it cannot be paid afterwards.
 */
/** What the member is told of a cancelled order: where their points, and any money they paid, go. */
function cancelledTitle(order: OrderDoc): string {
  const points = order.poolId ? '，众筹的积分将退回给每位参与者' : order.points ? `，${order.points} 积分已退回` : '';
  const cash = order.payment?.paidAt ? `，已付的 ¥${yuan(order.payment.amountFen)} 将原路退回微信` : '';
  return `订单「${order.itemName}」已取消${points}${cash}`;
}

export async function cancelOrder(input: z.output<typeof cancelOrderInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const { community } = await requireMember(store, input.communityId, caller.openid, STAFF);
  const time = postingTime(community, caller.now);
  const { order, notice } = await store.transaction(async (tx) => {
    const found = ofCommunity(await tx.get('orders', input.orderId), input.communityId, refusals.noOrder);
    if (found.status === 'cancelled') refuse('ALREADY_DONE', '这个订单已经取消了');
    if (found.status === 'fulfilled') refuse('CONFLICT', '已完成的订单不能取消');
    const member = await tx.get('members', ids.member(found.communityId, found.openid));
    if (!member) return refuse('NOT_FOUND', '下单的成员已不在社群');
    const draw = found.prize && (await tx.get('draws', found.prize.drawId));
    // A pooled order's points came from its backers: the pool fails and the settle job refunds each of them.
    const pointsBack = found.poolId ? [] : [orderRefund(found, `订单取消退回：${input.reason}`)];
    await recordPostings(
      tx,
      member,
      pointsBack,
      time,
      found.prize ? {} : { redeemed: redeemedAfter(member.redeemed, found.itemId, -found.quantity) },
    );
    if (found.poolId) await tx.update('pools', found.poolId, { status: 'failed', refunded: false, updatedAt: caller.now.toISOString() });
    if (!found.prize) await tx.update('items', found.itemId, { stock: increment(found.quantity) });
    else if (draw) {
      const { prizeId } = found.prize;
      await tx.update('draws', found.prize.drawId, {
        prizes: draw.prizes.map((p) => (p.id === prizeId ? { ...p, stock: p.stock + found.quantity } : p)),
      });
    }
    const changes = {
      status: 'cancelled' as const,
      cancelReason: input.reason,
      updatedAt: caller.now.toISOString(),
      ...(found.unpaidUntil ? { unpaidUntil: null } : {}),
      ...(found.pickupCode ? { pickupState: 'void' as const } : {}),
    };
    await tx.update('orders', input.orderId, changes);
    // The cash half of a paid order goes back too (jobs.settleRefunds sees it through).
    const cashBack = found.payment ? await startRefund(tx, found, found.payment, `订单取消：${input.reason}`, caller.now) : null;
    const notice: Notice = {
      communityId: found.communityId,
      openid: found.openid,
      kind: 'order_cancelled',
      refId: input.orderId,
      title: cancelledTitle(found),
      body: input.reason,
      points: found.poolId ? 0 : found.points,
    };
    await writeNotice(tx, notice, caller.now);
    await recordAudit(
      tx,
      {
        communityId: input.communityId,
        action: 'mall.cancel',
        target: input.orderId,
        detail: {
          member: found.openid,
          item: found.itemName,
          refunded: found.poolId ? 0 : found.points,
          reason: input.reason,
          ...(found.poolId ? { pool: found.poolId } : {}),
        },
      },
      caller,
    );
    return { order: { ...found, ...changes, ...(cashBack ? { refund: cashBack } : {}) }, notice };
  });
  await sendNotice(deps, notice, order.itemName, ORDERS_PAGE);
  if (order.refund) {
    await advanceRefund(deps, order._id, caller.now);
    return { order: toOrder((await store.get('orders', order._id)) ?? order) };
  }
  // Unpaid, it must not be payable any more.
  if (order.payment && !order.payment.paidAt) await closeAtWeChatPay(deps, order._id);
  return { order: toOrder(order) };
}
