import type * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { skipFailures, timeLeft } from './budget';
import { communitiesOnce } from './dueMembers';
import { expireUnpaidInput } from './inputs';
import { lapseUnpaid } from '../mall/lapseUnpaid';
import { closeAtWeChatPay } from '../mall/refunds';
import { ORDERS_PAGE } from '../mall/views';
import { sendNotice, type Notice } from '../notices/notify';

const PAGE = 50;
const PARALLEL = 10;

/**
 * 积分+现金 orders not paid within their 15 minutes are cancelled: the points come back as a
 * refund entry, the unit returns to stock and to the member's limit, each exactly once (the
 * order's status decides, in the transaction, against a payment racing it). Orders are found by
 * `unpaidUntil`, which a settled order no longer has, so a cut-off run resumes where it stopped.
 * A lapsed order is closed at WeChat Pay too, so it cannot be paid afterwards, and the member
 * hears of it by WeChat message as well as in the app.
 */
export async function expireUnpaid(_input: z.output<typeof expireUnpaidInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const hasTime = timeLeft(deps);
  const community = communitiesOnce(deps);
  const { skipped, attempt } = skipFailures(deps, 'expireUnpaid');
  let cancelled = 0;
  while (hasTime()) {
    const due = (
      await store.find('orders', {
        where: { unpaidUntil: { lte: caller.now.toISOString() } },
        orderBy: [['unpaidUntil', 'asc']],
        limit: PAGE + skipped.size,
        fields: ['communityId'],
      })
    ).filter((o) => !skipped.has(o._id));
    if (!due.length) return { cancelled, more: false };
    for (let i = 0; i < due.length && hasTime(); i += PARALLEL) {
      const done = await Promise.all(
        due.slice(i, i + PARALLEL).map((order) => attempt(order._id, () => expire(order._id, order.communityId), false)),
      );
      cancelled += done.filter(Boolean).length;
    }
  }
  return { cancelled, more: true };

  async function expire(orderId: string, communityId: string): Promise<boolean> {
    const settings = await community(communityId);
    return store
      .transaction(async (tx): Promise<{ told: Notice | null; item: string } | null> => {
        const order = await tx.get('orders', orderId);
        if (!order) return null;
        if (order.status !== 'unpaid') {
          await tx.update('orders', orderId, { unpaidUntil: null });
          return null;
        }
        return { told: await lapseUnpaid(tx, order, settings, caller.now), item: order.itemName };
      })
      .then(async (lapsed) => {
        if (!lapsed) return false;
        await closeAtWeChatPay(deps, orderId);
        if (lapsed.told) await sendNotice(deps, lapsed.told, lapsed.item, ORDERS_PAGE);
        return true;
      });
  }
}
