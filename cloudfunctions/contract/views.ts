/**
 * What the API answers, written out: the contract says these shapes, and the app's mappers are
 * typed to return them (a mapper that answers another shape does not compile), rather than the
 * contract following whatever a mapper returns. A leaf: it imports core's types and nothing of
 * the app; the app, its documents and the platform's ports import these.
 */
import type { Campaign, CampaignStatus } from '../core/campaigns';
import type { NoPointsReason } from '../core/content';
import type { EventStatus } from '../core/events';
import type { ItemKind, OrderStatus, RewardStatus } from '../core/mall';
import type { Prize } from '../core/lottery';
import type { PoolKind, PoolStatus } from '../core/pools';
import type { PostStatus } from '../core/posts';
import type { ReferralStatus } from '../core/referral';
import type { DayNumbers } from '../core/stats';
import type { Wear, Worn } from '../core/wearables';

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

/** wx.requestPayment's parameters. */
export interface PaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

/** What the payer needs to pay the cash half: the amount, until when, and wx.requestPayment's parameters (null once it is no longer unpaid). */
export interface Checkout {
  orderId: string;
  amountFen: number;
  expiresAt: string;
  params: PaymentParams | null;
}

/** What a redemption answers (API.md), the first time and to every replay. */
export interface RedeemResult {
  order: {
    id: string;
    itemId: string;
    quantity: number;
    points: number;
    status: OrderStatus;
    couponCodes: string[];
    needsShipping: boolean;
    payment?: Checkout | null;
  };
  balance: number;
}

/** What a lottery try answers, the first time and to every replay. */
export interface DrawResult {
  prize: { id: string; name: string } | null;
  roll: number;
  orderId: string | null;
  balance: number;
}

/** Why a post or answer was held or refused by content security. */
export interface ContentFlag {
  source: 'text' | 'image';
  label: string;
}

/** Why a contribution earns nothing even when approved or accepted. */
export interface NoPoints {
  reason: NoPointsReason;
  message: string;
}

/** A post as members and moderators see it. `flag` and `noPoints` are for its author and staff. */
export interface PostView {
  id: string;
  status: PostStatus;
  body: string;
  images: string[];
  /** `worn`: the title and frame worn now, in lists (API v3). */
  author: { openid: string; nickname: string; worn?: Worn };
  likes: number;
  /** Comments shown under it (v3). */
  comments: number;
  likedByMe: boolean;
  points: number;
  reason: string | null;
  flag: ContentFlag | null;
  noPoints: NoPoints | null;
  createdAt: string;
  reviewedAt: string | null;
}

/** A comment as the thread shows it (API v3 posts.comments). */
export interface CommentView {
  id: string;
  postId: string;
  author: string;
  nickname: string;
  /** The title and frame the author wears now. */
  worn?: Worn;
  body: string;
  createdAt: string;
}

/** Visible to all, or held for a moderator (content security said "review"). */
export type QaStatus = 'visible' | 'held' | 'removed';

export interface QuestionView {
  id: string;
  title: string;
  body: string;
  /** `worn`: the title and frame worn now, in lists (API v3). */
  author: { openid: string; nickname: string; worn?: Worn };
  status: QaStatus;
  flag: ContentFlag | null;
  answers: number;
  acceptedAnswerId: string | null;
  createdAt: string;
}

export interface AnswerView {
  id: string;
  questionId: string;
  body: string;
  /** `worn`: the title and frame worn now, in lists (API v3). */
  author: { openid: string; nickname: string; worn?: Worn };
  status: QaStatus;
  flag: ContentFlag | null;
  noPoints: NoPoints | null;
  accepted: boolean;
  awarded: number;
  createdAt: string;
  /** Whether the reader may accept this answer now (on a question's page). */
  canAccept?: boolean;
}

export interface ReferralView {
  openid: string;
  nickname: string;
  status: ReferralStatus;
  /** Why it was rejected, in words. */
  reason: string | null;
  inviterPoints: number;
  capped: boolean;
  createdAt: string;
}

/** A campaign as stored, and where it stands now. */
export type CampaignView = Campaign & { status: CampaignStatus };

export interface EventView {
  id: string;
  title: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  points: number;
  minTier: string | null;
  signedUp: number;
  status: EventStatus;
  /** The caller's place: signed up, came, or none. */
  mine: 'signedUp' | 'attended' | null;
  /** Staff only: how many came. */
  attended?: number;
}

export interface AttendeeView {
  openid: string;
  nickname: string;
  signedUpAt: string;
  attendedAt: string | null;
}

export interface BalanceImport {
  id: string;
  createdAt: string;
  rows: number;
  points: number;
  skippedLines: number[];
  /** Rows still being written (the import's batch runs on in jobs.runBatches). */
  status: 'writing' | 'ready';
  claimed: number;
}

export interface OpeningBalance {
  code: string;
  line: number;
  name: string;
  points: number;
  note: string;
  status: 'open' | 'claimed';
  claimedBy: { openid: string; nickname: string } | null;
  claimedAt: string | null;
  claimedHow: 'code' | 'owner' | null;
}

/** stats.overview (API.md "Community health"). */
export interface Overview {
  asOf: string | null;
  days: Array<{ day: string } & DayNumbers>;
  totals: {
    members: number;
    activeMembers: number;
    pointsIssued: number;
    pointsSpent: number;
    pointsExpired: number;
    pointsReversed: number;
    liability: number;
    burnRate: number;
  };
  tiers: Array<{ name: string; members: number }>;
  retention: Array<{ cohort: string; joined: number; retained: number }>;
}

export interface SegmentsView {
  asOf: string | null;
  /** Everyone, staff included (who are in no segment): what a broadcast or award to all reaches. */
  members: number;
  segments: Array<{ key: string; name: string; members: number }>;
}

/** What the audit log records: the "function.action" name of each staff action (community.audit filters by it). */
export const AUDIT_ACTIONS = [
  'points.adjust',
  'points.bulkAward',
  'points.importBalances',
  'points.matchBalance',
  'points.purchase',
  'points.refundPurchase',
  'posts.review',
  'posts.revoke',
  'posts.removeComment',
  'qa.moderate',
  'events.upsert',
  'notices.broadcast',
  'community.setRole',
  'community.ban',
  'community.updateRules',
  'mall.upsertItem',
  'mall.fulfil',
  'mall.cancel',
  'mall.upsertDraw',
  'campaigns.upsert',
  'campaigns.end',
  'pools.upsert',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * A WeChat group as a caller names it: a CloudID marker (wx.cloud.CloudID, or `{$cloudID}` to the
 * local runtime), which the platform swaps for the opened data before the function runs.
 */
export interface CloudIdParam {
  $cloudID: string;
}

/** What a CloudIdParam arrives as in the function: the open data, or an error (expired, foreign). */
export interface OpenedCloudId {
  cloudID: string;
  data?: { opengid?: string; openGId?: string };
  errCode?: number;
  errMsg?: string;
}
