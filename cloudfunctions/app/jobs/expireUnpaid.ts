import type * as z from 'zod';
import { increment } from '../../store/port';
import type { Caller, Deps } from '../context';
import { ids } from '../documents';
import { postingTime, recordPostings } from '../ledgerWrites';
import { writeNotice } from '../notices/notify';
import { skipFailures, timeLeft } from './budget';
import { communitiesOnce } from './dueMembers';
import { expireUnpaidInput } from './inputs';
import { orderRefund } from '../mall/orderRefund';
import { redeemedAfter } from '../../core/mall';

const PAGE = 50;
const PARALLEL = 10;

/**
 * 积分+现金 orders not paid within their 15 minutes are cancelled: the points come back as a
 * refund entry, the unit returns to stock and to the member's limit, each exactly once (the
 * order's status decides, in the transaction, against a payment racing it). Orders are found by
 * `unpaidUntil`, which a settled order no longer has, so a cut-off run resumes where it stopped.
 */
export async function expireUnpaid(_input: z.output<typeof expireUnpaidInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const hasTime = timeLeft(deps);
  const community = communitiesOnce(deps);
  const { skipped, attempt } = skipFailures(deps, 'expireUnpaid');
  let cancelled = 0;
  while (hasTime()) {
    const due = (await store.find('orders', { where: { unpaidUntil: { lte: caller.now.toISOString() } }, orderBy: [['unpaidUntil', 'asc']], limit: PAGE + skipped.size, fields: ['communityId'] })).filter((o) => !skipped.has(o._id));
    if (!due.length) return { cancelled, more: false };
    for (let i = 0; i < due.length && hasTime(); i += PARALLEL) {
      const done = await Promise.all(due.slice(i, i + PARALLEL).map((order) => attempt(order._id, () => expire(order._id, order.communityId), false)));
      cancelled += done.filter(Boolean).length;
    }
  }
  return { cancelled, more: true };

  async function expire(orderId: string, communityId: string): Promise<boolean> {
    const settings = await community(communityId);
    return store.transaction(async (tx) => {
      const order = await tx.get('orders', orderId);
      if (!order) return false;
      if (order.status !== 'unpaid') {
        await tx.update('orders', orderId, { unpaidUntil: null });
        return false;
      }
      const member = await tx.get('members', ids.member(order.communityId, order.openid));
      if (member) {
        await recordPostings(
          tx,
          member,
          [orderRefund(order, `「${order.itemName}」超时未支付，积分退回`)],
          postingTime(settings, caller.now),
          { redeemed: redeemedAfter(member.redeemed, order.itemId, -order.quantity) },
        );
        await writeNotice(
          tx,
          { communityId: order.communityId, openid: order.openid, kind: 'order_cancelled', refId: orderId, title: `订单「${order.itemName}」超时未支付，已取消，${order.points} 积分已退回`, body: '15 分钟内未完成微信支付', points: order.points },
          caller.now,
        );
      }
      await tx.update('items', order.itemId, { stock: increment(order.quantity) });
      await tx.update('orders', orderId, { status: 'cancelled', cancelReason: '超时未支付', unpaidUntil: null, updatedAt: caller.now.toISOString() });
      return true;
    });
  }
}
