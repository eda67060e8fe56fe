import { refuse } from './errors';
import type { Tier } from './rules';
import { tierReaches } from './tiers';

/** title and frame are worn (core/wearables.ts): fulfilled the moment they are redeemed, never shipped. */
export type ItemKind = 'physical' | 'coupon' | 'service' | 'title' | 'frame';
/** What a lottery prize can be. */
export type PrizeKind = 'physical' | 'coupon' | 'service';

/** What the redemption rules need to know of a reward. */
export interface Reward {
  name: string;
  pointsPrice: number;
  stock: number;
  perMemberLimit: number | null;
  startsAt: string | null;
  endsAt: string | null;
  minTier: string | null;
  active: boolean;
}

export type RewardStatus = 'upcoming' | 'open' | 'ended' | 'soldOut' | 'inactive';

export function rewardStatus(reward: Reward, now: Date): RewardStatus {
  if (!reward.active) return 'inactive';
  if (reward.startsAt && now.getTime() < Date.parse(reward.startsAt)) return 'upcoming';
  if (reward.endsAt && now.getTime() >= Date.parse(reward.endsAt)) return 'ended';
  return reward.stock > 0 ? 'open' : 'soldOut';
}

/**
 * The rules of one redemption, in the order a member would want to hear them. Balance is
 * checked by the ledger itself when the points are spent.
 */
export function checkRedemption(
  reward: Reward,
  member: { tierIndex: number; alreadyRedeemed: number },
  quantity: number,
  now: Date,
  tiers: readonly Tier[],
): void {
  const status = rewardStatus(reward, now);
  if (status === 'inactive') refuse('NOT_FOUND', '这个奖品已下架');
  if (status === 'upcoming') refuse('FORBIDDEN', '还没到兑换时间，开始后再来');
  if (status === 'ended') refuse('FORBIDDEN', '兑换已结束');
  if (!tierReaches(reward.minTier, member.tierIndex, tiers)) refuse('FORBIDDEN', `「${reward.minTier}」及以上等级才能兑换`);
  if (reward.stock < quantity) refuse('OUT_OF_STOCK', reward.stock > 0 ? `只剩 ${reward.stock} 件了` : '已经兑完了');
  if (reward.perMemberLimit !== null && member.alreadyRedeemed + quantity > reward.perMemberLimit) {
    refuse('LIMIT_REACHED', `每人限兑 ${reward.perMemberLimit} 件，你已兑换 ${member.alreadyRedeemed} 件`);
  }
}

/** A member's units redeemed per reward after `by` more, or fewer on a refund (never below 0): what per-member limits count. */
export function redeemedAfter(redeemed: Readonly<Record<string, number>> | undefined, itemId: string, by: number): Record<string, number> {
  return { ...redeemed, [itemId]: Math.max(0, (redeemed?.[itemId] ?? 0) + by) };
}

/**
 * Why a reward cannot be pooled (众筹), or null: a coupon's code and a worn title go to one member,
 * and WeChat Pay's half of a points + cash reward has one payer. The pool's use case and the
 * reward page both ask this.
 */
export function poolRefusal(item: { kind: ItemKind; cashPrice?: number | null }): string | null {
  if (item.kind === 'coupon') return '券码类奖品不能众筹，请直接兑换';
  if (item.kind === 'title' || item.kind === 'frame') return '称号和头像框不能众筹，请直接兑换';
  if (item.cashPrice) return '积分+现金的奖品不能众筹';
  return null;
}

/** unpaid: a points + cash order waiting for its payment (it becomes pending when paid, cancelled when it expires). */
export type OrderStatus = 'unpaid' | 'pending' | 'fulfilled' | 'cancelled';

/**
 * An order's status in words, the same in the app, the notices and the exports: a pending order
 * waits to be shipped (实物) or to be redeemed by scanning its code (服务、券码、奖品).
 */
export function orderStatusName(order: { status: OrderStatus; kind: ItemKind }): string {
  if (order.status === 'pending') return order.kind === 'physical' ? '待发货' : '待核销';
  return { unpaid: '待支付', fulfilled: '已完成', cancelled: '已取消' }[order.status];
}
