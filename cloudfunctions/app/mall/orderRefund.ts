import type { Posting } from '../../core/ledger';
import { ids, type Found } from '../kernel/documents';
import type { OrderDoc } from './documents';

/** An order's points coming back (staff cancel it, or its payment lapses): one refund entry, with the lots its spend took, so they keep their expiry. */
export const orderRefund = (order: Found<OrderDoc>, reason: string): Posting => ({
  id: ids.refund(order.communityId, order.openid, order._id),
  kind: 'refund',
  delta: order.points,
  reason,
  refId: order._id,
  restore: order.spentLots,
});
