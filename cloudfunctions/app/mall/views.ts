import { rewardStatus, type RewardStatus } from '../../core/mall';
import { tierReaches } from '../../core/tiers';
import type { Rules } from '../../core/rules';
import { ROLL_SPACE } from '../../core/lottery';
import type { DrawDoc, ItemDoc, MemberDoc, OrderDoc } from '../documents';
import type { Found } from '../documents';

/** A reward as a member sees it: no coupon codes, with what it means for them. */
export function toItem(item: Found<ItemDoc>, now: Date, viewer: { member: Pick<MemberDoc, 'redeemed' | 'balance'>; tierIndex: number; rules: Rules; staff: boolean }) {
  const status: RewardStatus = rewardStatus(item, now);
  const myRedeemed = viewer.member.redeemed?.[item._id] ?? 0;
  return {
    id: item._id,
    name: item.name,
    description: item.description,
    images: item.images,
    kind: item.kind,
    pointsPrice: item.pointsPrice,
    stock: item.stock,
    perMemberLimit: item.perMemberLimit,
    startsAt: item.startsAt,
    endsAt: item.endsAt,
    minTier: item.minTier,
    active: item.active,
    status,
    locked: !tierReaches(item.minTier, viewer.tierIndex, viewer.rules.tiers),
    affordable: viewer.member.balance >= item.pointsPrice,
    myRedeemed,
    ...(viewer.staff ? { codesLeft: item.codes.length } : {}),
  };
}

export type ItemView = ReturnType<typeof toItem>;

/** A physical reward still waiting for its address (API.md "v1 conformance kept"): the member adds it with mall.setShipping. */
export const needsShipping = (order: Pick<OrderDoc, 'kind' | 'shipping' | 'status'>): boolean => order.kind === 'physical' && !order.shipping && order.status === 'pending';

export const toOrder = (order: Found<OrderDoc>) => ({
  id: order._id,
  itemId: order.itemId,
  itemName: order.itemName,
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
});

export type OrderView = ReturnType<typeof toOrder>;

export const toDraw = (draw: Found<DrawDoc>) => ({
  id: draw._id,
  name: draw.name,
  costPoints: draw.costPoints,
  active: draw.active,
  prizes: draw.prizes,
  noPrizeWeight: ROLL_SPACE - draw.prizes.reduce((sum, p) => sum + p.weight, 0),
});

export type DrawView = ReturnType<typeof toDraw>;

/** What a redemption answers (API.md), the first time and to every replay. */
export interface RedeemResult {
  order: { id: string; itemId: string; quantity: number; points: number; status: OrderDoc['status']; couponCodes: string[]; needsShipping: boolean };
  balance: number;
}

/** What a lottery try answers, the first time and to every replay. */
export interface DrawResult {
  prize: { id: string; name: string } | null;
  roll: number;
  orderId: string | null;
  balance: number;
}
