/** Stored documents of the area (the collections are listed in kernel/documents.ts). The points mall: rewards, coupon code books, lotteries and orders (with their cash half and refunds). */
import type { PaymentParams, Shipping } from '../../contract/views';
import type { Lot } from '../../core/ledger';
import type { Prize } from '../../core/lottery';
import type { ItemKind, OrderStatus, Reward } from '../../core/mall';
import type { Wear } from '../../core/wearables';
import type { RequestRecord } from '../kernel/documents';

export interface ItemDoc extends Reward {
  communityId: string;
  /** 积分+现金: a physical reward may also cost this much money (fen), paid by WeChat Pay; null or absent: points only. */
  cashPrice?: number | null;
  description: string;
  images: string[];
  kind: ItemKind;
  /** Title and frame kinds: what is worn, and for how many days. */
  wear?: Wear | null;
  /** The mall's shelf it sits on (个护, 课程 …), or none. */
  category?: string | null;
  /** Coupon kind: the unused codes; stock always equals their number. Never shown to members. */
  codes: string[];
  /** pointsPrice, zero-padded, then id: the mall's natural order. */
  sortKey: string;
  createdAt: string;
  updatedAt: string;
}

/** Every coupon code ever loaded in a community, as short hashes, one shard of them (`codes:{communityId}:{shard}`): none is issued twice. */
export interface CodeBookDoc {
  communityId: string;
  prints: string[];
}

export interface DrawDoc {
  communityId: string;
  name: string;
  costPoints: number;
  prizes: Prize[];
  active: boolean;
  sortKey: string;
  createdAt: string;
  updatedAt: string;
}

/** The money half of a points + cash order. */
export interface OrderPayment {
  amountFen: number;
  /** 15 minutes after the order: unpaid by then, jobs.expireUnpaid cancels it. */
  expiresAt: string;
  /** What wx.requestPayment needs, from WeChat Pay's unified order (null until it answered). */
  params: PaymentParams | null;
  paidAt: string | null;
  transactionId: string | null;
}

export interface OrderDoc {
  communityId: string;
  openid: string;
  nickname: string;
  itemId: string;
  itemName: string;
  /** Set when the order is a lottery prize: cancelling puts the prize back in this draw. */
  prize: { drawId: string; prizeId: string } | null;
  kind: ItemKind;
  quantity: number;
  points: number;
  status: OrderStatus;
  couponCodes: string[];
  shipping: Shipping | null;
  note: string | null;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
  sortKey: string;
  /** The redemption request that made this order (its id derives from the requestId), for replays. */
  request?: RequestRecord;
  /** The points the order's spend took, with their expiry: a refund gives them back as they were, never renewed. */
  spentLots?: Lot[];
  /** Set when a funded pooled redemption (积分众筹) made this order: its points came from the pool's backers. */
  poolId?: string | null;
  payment?: OrderPayment | null;
  /** payment.expiresAt while unpaid, so the expiry job finds due orders by an index; absent otherwise. */
  unpaidUntil?: string | null;
  /** A payment that arrived after the order expired and was cancelled (it is refunded automatically). */
  paidAfterExpiry?: boolean;
  /** The cash going back: a paid order cancelled, or a payment that came after the window. */
  refund?: OrderRefund | null;
  /** When jobs.settleRefunds looks at the refund next (an index); absent once it is settled. */
  refundCheckAt?: string | null;
  /** 核销: a service or coupon reward's (or a prize's) code, shown to staff to scan; absent on shipped goods. */
  pickupCode?: string | null;
  /** waiting to be scanned (an index: staff home counts them), done once scanned, void when cancelled; null while unpaid. */
  pickupState?: 'waiting' | 'done' | 'void' | null;
  verifiedBy?: string | null;
  verifiedAt?: string | null;
  /** Shipped: the courier and tracking number staff gave (核销 and services have none). */
  delivery?: { courier: string; trackingNo: string } | null;
  /** The reward's first picture when it was ordered (the order shows it; the reward may change later). */
  image?: string | null;
}

/**
 * A refund through WeChat Pay, one per order (its id is WeChat Pay's out_refund_no, the same on
 * every retry). pending: not yet accepted by WeChat Pay; processing: accepted, not settled;
 * refunded / failed: settled (a failed one is for the owner to pay back by hand).
 */
export interface OrderRefund {
  id: string;
  amountFen: number;
  reason: string;
  status: 'pending' | 'processing' | 'refunded' | 'failed';
  requestedAt: string;
  settledAt: string | null;
}
