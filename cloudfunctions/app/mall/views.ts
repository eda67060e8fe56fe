import { rewardStatus, tierAllows, type RewardStatus } from '../../core/mall';
import type { Rules } from '../../core/rules';
import type { ItemDoc, MemberDoc, OrderDoc } from '../documents';
import type { Found } from '../access';

/** A reward as a member sees it: no coupon codes, with what it means for them. */
export function toItem(item: Found<ItemDoc>, now: Date, viewer: { member: MemberDoc; rules: Rules; staff: boolean }) {
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
    locked: !tierAllows(item.minTier, viewer.member.earnedTotal, viewer.rules.tiers),
    affordable: viewer.member.balance >= item.pointsPrice,
    myRedeemed,
    ...(viewer.staff ? { codesLeft: item.codes.length } : {}),
  };
}

export type ItemView = ReturnType<typeof toItem>;

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
  note: order.note,
  cancelReason: order.cancelReason,
  openid: order.openid,
  nickname: order.nickname,
  createdAt: order.createdAt,
  updatedAt: order.updatedAt,
});

export type OrderView = ReturnType<typeof toOrder>;
