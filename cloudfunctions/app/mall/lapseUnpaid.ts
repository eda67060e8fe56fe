import { redeemedAfter } from '../../core/mall';
import { increment } from '../../store/port';
import { ids, type AppTransaction, type Found } from '../kernel/documents';
import type { CommunityDoc } from '../community/documents';
import type { OrderDoc } from './documents';
import { postingTime, recordPostings } from '../kernel/ledgerWrites';
import { writeNotice, type Notice } from '../notices/notify';
import { orderRefund } from './orderRefund';
import { yuan } from '../../core/money';

/** Whether an unpaid order's payment window has closed (whether or not the expiry job has run yet). */
export const paymentLapsed = (order: Pick<OrderDoc, 'payment'>, now: Date): boolean =>
  Boolean(order.payment) && Date.parse(order.payment!.expiresAt) <= now.getTime();

/**
 * An unpaid 积分+现金 order lapses: its points come back as a refund entry (with the lots they
 * came from), the unit returns to stock and to the member's limit, and the member is told: the
 * notice is written here, and answered so the caller sends it as a WeChat message once committed.
 * The caller has read the order unpaid in this same transaction, which makes it once.
 * `paidLate` records money that arrived after the window (the caller starts its refund).
 */
export async function lapseUnpaid(
  tx: AppTransaction,
  order: Found<OrderDoc>,
  community: CommunityDoc,
  now: Date,
  paidLate?: NonNullable<OrderDoc['payment']>,
): Promise<Notice | null> {
  const member = await tx.get('members', ids.member(order.communityId, order.openid));
  let told: Notice | null = null;
  if (member) {
    await recordPostings(tx, member, [orderRefund(order, `「${order.itemName}」超时未支付，积分退回`)], postingTime(community, now), {
      redeemed: redeemedAfter(member.redeemed, order.itemId, -order.quantity),
    });
    // What happened to the money, said plainly: none was taken, or it came late and goes back.
    const money = paidLate ? `付款晚到，¥${yuan(paidLate.amountFen)} 将原路退回微信` : '没有扣款';
    const body = paidLate ? '付款在 15 分钟的支付时限之后才到账，这笔钱会退还给你' : '15 分钟内未完成微信支付';
    told = {
      communityId: order.communityId,
      openid: order.openid,
      kind: 'order_cancelled',
      refId: order._id,
      title: `订单「${order.itemName}」超时未支付，已取消：${money}，${order.points} 积分已退回`,
      body,
      points: order.points,
    };
    await writeNotice(tx, told, now);
  }
  await tx.update('items', order.itemId, { stock: increment(order.quantity) });
  const lateMoney = paidLate ? { payment: paidLate, paidAfterExpiry: true } : {};
  await tx.update('orders', order._id, {
    status: 'cancelled',
    cancelReason: '超时未支付',
    unpaidUntil: null,
    updatedAt: now.toISOString(),
    ...lateMoney,
    ...(order.pickupCode ? { pickupState: 'void' as const } : {}),
  });
  return told;
}
