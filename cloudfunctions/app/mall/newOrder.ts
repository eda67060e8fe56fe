import type { OrderDoc } from '../documents';

/** What differs from one order to the next; the rest starts the same for every order. */
export type OrderFacts = Pick<OrderDoc, 'communityId' | 'openid' | 'nickname' | 'itemId' | 'itemName' | 'kind' | 'quantity' | 'points'> &
  Partial<Pick<OrderDoc, 'prize' | 'status' | 'couponCodes' | 'shipping'>>;

/** A new order with id `id`, placed at `now`: pending unless said otherwise, nothing shipped, nothing cancelled. */
export function newOrder(id: string, facts: OrderFacts, now: Date): OrderDoc {
  const at = now.toISOString();
  return {
    prize: null,
    status: 'pending',
    couponCodes: [],
    shipping: null,
    ...facts,
    note: null,
    cancelReason: null,
    createdAt: at,
    updatedAt: at,
    sortKey: `${at}|${id}`,
  };
}
