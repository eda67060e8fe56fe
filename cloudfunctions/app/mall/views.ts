import { rewardStatus, type RewardStatus } from '../../core/mall';
import { tierReaches } from '../../core/tiers';
import type { Rules } from '../../core/rules';
import { ROLL_SPACE } from '../../core/lottery';
import type { MemberDoc } from '../community/documents';
import type { DrawDoc, ItemDoc, OrderDoc } from './documents';
import type { Found } from '../kernel/documents';
import type { DrawView, ItemView, OrderView } from '../../contract/views';

export type { DrawView, ItemView, OrderView };

/** A reward as a member sees it: no coupon codes, with what it means for them. */
export function toItem(
  item: Found<ItemDoc>,
  now: Date,
  viewer: { member: Pick<MemberDoc, 'redeemed' | 'balance'>; tierIndex: number; rules: Rules; staff: boolean },
): ItemView {
  const status: RewardStatus = rewardStatus(item, now);
  const myRedeemed = viewer.member.redeemed?.[item._id] ?? 0;
  return {
    id: item._id,
    name: item.name,
    description: item.description,
    images: item.images,
    kind: item.kind,
    /** Title and frame: what is worn and for how many days (null: for good). */
    wear: item.wear ?? null,
    category: item.category ?? null,
    pointsPrice: item.pointsPrice,
    stock: item.stock,
    perMemberLimit: item.perMemberLimit,
    startsAt: item.startsAt,
    endsAt: item.endsAt,
    minTier: item.minTier,
    active: item.active,
    /** 积分+现金: the money (fen) paid with WeChat Pay on top of the points; null for points only. */
    cashPrice: item.cashPrice ?? null,
    status,
    locked: !tierReaches(item.minTier, viewer.tierIndex, viewer.rules.tiers),
    affordable: viewer.member.balance >= item.pointsPrice,
    myRedeemed,
    ...(viewer.staff ? { codesLeft: item.codes.length } : {}),
  };
}

/** The member's orders page, where news of an order opens. */
export const ORDERS_PAGE = '/packages/mall/pages/orders/index';

/** A physical reward still waiting for its address (API.md "v1 conformance kept"): the member adds it with mall.setShipping. */
export const needsShipping = (order: Pick<OrderDoc, 'kind' | 'shipping' | 'status'>): boolean =>
  order.kind === 'physical' && !order.shipping && (order.status === 'pending' || order.status === 'unpaid');

export const toOrder = (order: Found<OrderDoc>): OrderView => ({
  id: order._id,
  itemId: order.itemId,
  itemName: order.itemName,
  /** The reward's picture as it was ordered, or null. */
  image: order.image ?? null,
  kind: order.kind,
  quantity: order.quantity,
  points: order.points,
  status: order.status,
  couponCodes: order.couponCodes,
  shipping: order.shipping,
  needsShipping: needsShipping(order),
  note: order.note,
  cancelReason: order.cancelReason,
  openid: order.openid,
  nickname: order.nickname,
  createdAt: order.createdAt,
  updatedAt: order.updatedAt,
  /** 积分+现金: the money half (never its payment parameters: mall.pay gives those to the payer). */
  payment: order.payment ? { amountFen: order.payment.amountFen, expiresAt: order.payment.expiresAt, paidAt: order.payment.paidAt } : null,
  /** A payment that arrived after the order expired: its money is refunded automatically. */
  paidAfterExpiry: order.paidAfterExpiry ?? false,
  /** The cash going back through WeChat Pay: pending / processing until WeChat Pay settles it, then refunded (or failed: the owner pays it back by hand). */
  refund: order.refund ? { amountFen: order.refund.amountFen, status: order.refund.status, settledAt: order.refund.settledAt } : null,
  /** Made by a funded 积分众筹: its points came from the pool's backers. */
  poolId: order.poolId ?? null,
  /** 核销: the code staff scan to redeem a service or coupon reward (null for shipped goods), and who scanned it when. */
  pickupCode: order.pickupCode ?? null,
  verifiedAt: order.verifiedAt ?? null,
  verifiedBy: order.verifiedBy ?? null,
  /** Shipped: the courier and tracking number. */
  delivery: order.delivery ?? null,
});

export const toDraw = (draw: Found<DrawDoc>): DrawView => ({
  id: draw._id,
  name: draw.name,
  costPoints: draw.costPoints,
  active: draw.active,
  prizes: draw.prizes,
  noPrizeWeight: ROLL_SPACE - draw.prizes.reduce((sum, p) => sum + p.weight, 0),
});
