import type { OrderDoc } from './documents';
import { readableCode } from '../kernel/readableCode';

/** What differs from one order to the next; the rest starts the same for every order. */
export type OrderFacts = Pick<OrderDoc, 'communityId' | 'openid' | 'nickname' | 'itemId' | 'itemName' | 'kind' | 'quantity' | 'points'> &
  Partial<Pick<OrderDoc, 'prize' | 'status' | 'couponCodes' | 'shipping' | 'image'>> & {
    /** Random for the order (deps.newId): a service or coupon order's pickup code is made from it. */
    pickupSeed?: string;
  };

/** 核销: service and coupon rewards (and prizes of those kinds) are redeemed by scanning their code; goods are shipped. */
export const takesPickup = (kind: OrderDoc['kind']): boolean => kind === 'service' || kind === 'coupon';

/** A new order with id `id`, placed at `now`: pending unless said otherwise, nothing shipped, nothing cancelled. */
export function newOrder(id: string, { pickupSeed, ...facts }: OrderFacts, now: Date): OrderDoc {
  const at = now.toISOString();
  const pickupCode = pickupSeed && takesPickup(facts.kind) ? readableCode(`${id}:${pickupSeed}`) : null;
  return {
    prize: null,
    status: 'pending',
    couponCodes: [],
    shipping: null,
    ...facts,
    ...(pickupCode ? { pickupCode, pickupState: facts.status === 'unpaid' ? null : ('waiting' as const) } : {}),
    note: null,
    cancelReason: null,
    createdAt: at,
    updatedAt: at,
    sortKey: `${at}|${id}`,
  };
}
