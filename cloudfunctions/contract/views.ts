/**
 * What the API answers, written out: the contract says these shapes, and the app's mappers are
 * typed to return them (a mapper that answers another shape does not compile), rather than the
 * contract following whatever a mapper returns. A leaf: it imports core's types and nothing of
 * the app.
 */
import type { ItemKind, OrderStatus, RewardStatus } from '../core/mall';
import type { Prize } from '../core/lottery';
import type { PoolKind, PoolStatus } from '../core/pools';
import type { Wear } from '../core/wearables';

/** A delivery address, as the member gives it and the order keeps it. */
export interface Shipping {
  name: string;
  phone: string;
  address: string;
}

/** A reward as a member sees it: no coupon codes, with what it means for them. */
export interface ItemView {
  id: string;
  name: string;
  description: string;
  images: string[];
  kind: ItemKind;
  /** Title and frame: what is worn and for how many days (null: for good). */
  wear: Wear | null;
  category: string | null;
  pointsPrice: number;
  stock: number;
  perMemberLimit: number | null;
  startsAt: string | null;
  endsAt: string | null;
  minTier: string | null;
  active: boolean;
  /** 积分+现金: the money (fen) paid with WeChat Pay on top of the points; null for points only. */
  cashPrice: number | null;
  status: RewardStatus;
  locked: boolean;
  affordable: boolean;
  myRedeemed: number;
  /** Staff only: coupon codes not yet given out. */
  codesLeft?: number;
}

export interface OrderView {
  id: string;
  itemId: string;
  itemName: string;
  /** The reward's picture as it was ordered, or null. */
  image: string | null;
  kind: ItemKind;
  quantity: number;
  points: number;
  status: OrderStatus;
  couponCodes: string[];
  shipping: Shipping | null;
  needsShipping: boolean;
  note: string | null;
  cancelReason: string | null;
  openid: string;
  nickname: string;
  createdAt: string;
  updatedAt: string;
  /** 积分+现金: the money half (never its payment parameters: mall.pay gives those to the payer). */
  payment: { amountFen: number; expiresAt: string; paidAt: string | null } | null;
  /** A payment that arrived after the order expired: its money is refunded automatically. */
  paidAfterExpiry: boolean;
  /** The cash going back through WeChat Pay: pending / processing until WeChat Pay settles it, then refunded (or failed: the owner pays it back by hand). */
  refund: { amountFen: number; status: 'pending' | 'processing' | 'refunded' | 'failed'; settledAt: string | null } | null;
  /** Made by a funded 积分众筹: its points came from the pool's backers. */
  poolId: string | null;
  /** 核销: the code staff scan to redeem a service or coupon reward (null for shipped goods), and who scanned it when. */
  pickupCode: string | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
  /** Shipped: the courier and tracking number. */
  delivery: { courier: string; trackingNo: string } | null;
}

export interface DrawView {
  id: string;
  name: string;
  costPoints: number;
  active: boolean;
  prizes: Prize[];
  /** The weight of drawing nothing: what the prizes leave of the roll's space. */
  noPrizeWeight: number;
}

export interface PoolView {
  id: string;
  kind: PoolKind;
  name: string;
  description: string;
  goalPoints: number;
  raised: number;
  backers: number;
  status: PoolStatus;
  endsAt: string;
  itemId: string | null;
  starter: string | null;
  starterNickname: string | null;
  orderId: string | null;
  myContribution: number;
}

export interface BackerView {
  openid: string;
  nickname: string;
  points: number;
  refunded: boolean;
}

/** A gift of points, from the side of the member looking: sent (out) or received (in). */
export interface TransferView {
  direction: 'out' | 'in';
  openid: string;
  points: number;
  reason: string;
  message: string | null;
  createdAt: string;
}

/** What a notice is about. */
export type NoticeKind =
  | 'post_approved'
  | 'post_rejected'
  | 'post_removed'
  | 'answer_accepted'
  | 'referral_rewarded'
  | 'order_fulfilled'
  | 'order_cancelled'
  | 'order_refunded'
  | 'order_paid'
  | 'points_adjusted'
  | 'broadcast'
  | 'pool_funded'
  | 'pool_failed'
  | 'achievement'
  | 'tier_keep'
  | 'tier_down'
  | 'expiry_soon'
  | 'purchase_credited'
  | 'purchase_refunded'
  | 'post_commented'
  | 'comment_removed'
  | 'event_attended'
  | 'event_reminder';

export interface NoticeView {
  id: string;
  kind: NoticeKind;
  title: string;
  body: string;
  refId: string;
  points: number;
  read: boolean;
  createdAt: string;
}
