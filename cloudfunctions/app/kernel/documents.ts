import type { ActivityMark } from '../../core/activity';
import type { CheckinMonths } from '../../core/calendar';
import type { DailyCounts } from '../../core/caps';
import type { ContentPrint } from '../../core/content';
import type { ReferralStatus, RejectionReason } from '../../core/referral';
import type { Account, LedgerEntry, Lot } from '../../core/ledger';
import type { Prize } from '../../core/lottery';
import type { ItemKind, OrderStatus, Reward } from '../../core/mall';
import type { Wear, Wearable, Wearing } from '../../core/wearables';
import type { Rules, TaskKey } from '../../core/rules';
import type { Campaign, ChallengeProgress } from '../../core/campaigns';
import type { Counts } from '../../core/achievements';
import type { TierFacts } from '../../core/tiers';
import type { TransferDay } from '../../core/transfer';
import type { PostStatus } from '../../core/posts';
import type { PoolKind, StoredPoolStatus } from '../../core/pools';
import type { DayNumbers, PointsTotals } from '../../core/stats';
import type { StreakState } from '../../core/streak';
import type { JobTimes } from '../../core/jobSchedule';
import type { SegmentKey } from '../../core/activity';
import type { SheetRow } from '../../core/balanceSheet';
import type { GroupSums, PilotWindow } from '../../core/pilots';
import type { HeldCode, PurchaseDay } from '../../core/purchases';
import type { Store, Transaction } from '../../store/port';
import type { Role } from '../../core/roles';
import type { NoticeKind, Shipping } from '../../contract/views';
import type { NoPoints, ContentFlag, QaStatus, AuditAction, PaymentParams } from '../../contract/views';

export type { NoticeKind, Shipping };

export type { Found } from '../../store/port';

/** What a replay needs of the first call: its parameters' fingerprint and its result. */
export interface RequestRecord {
  fingerprint: string;
  result: unknown;
}

/** Stored document shapes. Ids are deterministic so that every write is idempotent by construction. */

/** A WeChat group bound to a community (`{opengid}`, create-only): a group belongs to at most one. */
export interface GroupBindingDoc {
  communityId: string;
  boundBy: string;
  boundAt: string;
}

/**
 * One owner action on many members (points.bulkAward, notices.broadcast), carried out in pages:
 * by the call while it has time, then by jobs.runBatches. Each member's credit or notice has an
 * id of its own, so a page done twice does nothing twice; `cursor` and the counts move together,
 * once per page.
 */
export interface BatchDoc {
  communityId: string;
  kind: 'award' | 'broadcast' | 'import' | 'pilot' | 'report';
  createdBy: string;
  createdAt: string;
  /** award */
  delta: number | null;
  reason: string | null;
  /** broadcast */
  title: string | null;
  body: string | null;
  /** Who: listed openids (in `batchTargets`, 1,000 a chunk), or the members of a segment (all when null) who joined before the call. */
  listed: boolean;
  segment: SegmentKey | null;
  status: 'running' | 'done';
  total: number;
  /** Members credited or told. */
  done: number;
  /** The first 1,000 skipped, with why; all of them counted. */
  skipped: Array<{ openid: string; reason: string }>;
  skippedCount: number;
  /** Listed: how many of the list are through; a segment: the last joining key through. */
  cursor: number | string;
  /** For jobs.runBatches: `running|createdAt` while running, absent after. */
  runKey?: string | null;
  /** pilot (enrolling a segment) and report (comparing a pilot with the rest): the campaign. */
  campaignId?: string | null;
  /** report: the days compared, and the sums so far of the pilot and the rest. */
  window?: PilotWindow | null;
  sums?: { pilot: GroupSums; rest: GroupSums } | null;
}

/** 1,000 openids of a listed batch (`{batchId}:{n}`). */
export interface BatchTargetsDoc {
  communityId: string;
  /** An award's listed members; an import's rows (1,000 a document either way). */
  openids?: string[];
  rows?: SheetRow[];
}

/**
 * Opening balances the owner imported from a spreadsheet (`{communityId}:{digest}`, the batch's
 * id too): its rows are written as OpeningBalanceDocs by the batch, each waiting for its member.
 * `secret` makes the rows' claim codes; it never leaves the server.
 */
export interface BalanceImportDoc {
  communityId: string;
  createdBy: string;
  createdAt: string;
  rows: number;
  points: number;
  /** Lines of the file left out for a problem (the owner chose to import the rest). */
  skippedLines: number[];
  secret: string;
  /** createdAt|id: newest first. */
  sortKey: string;
}

/**
 * One imported row (`{communityId}:{claimCode}`): a credit waiting for its member, claimed once —
 * by the code (or its link) or by the owner matching a member — and never credited twice, since
 * the claim and the credit are one transaction on this document.
 */
export interface OpeningBalanceDoc {
  communityId: string;
  importId: string;
  line: number;
  name: string;
  points: number;
  note: string;
  code: string;
  status: 'open' | 'claimed';
  claimedBy: string | null;
  claimedAt: string | null;
  claimedHow: 'code' | 'owner' | null;
  entryId: string | null;
  /** importId|status|line (zero-padded): an import's rows, open or claimed, in file order. */
  sortKey: string;
}

/**
 * A member's check-in reminders in a community (`{communityId}:{openid}:checkin_reminder`): how
 * many WeChat acceptances are left (each allows one message), the community-local hour, and when
 * the next one is due (`dueKey`, an index for jobs.remind; absent while none is left).
 */
export interface ReminderDoc {
  communityId: string;
  openid: string;
  kind: 'checkin_reminder';
  hour: number;
  left: number;
  lastSentDay: string | null;
  dueKey?: string | null;
}

/** The jobs function's schedule (jobs.tick): each job's next run. */
export interface JobRunsDoc {
  next: JobTimes;
  tickedAt: string;
}

export interface CommunityDoc {
  name: string;
  timezone: string;
  ownerOpenid: string;
  rules: Rules;
  createdAt: string;
  /** WeChat groups (opengid) the owner bound to this community; members who join from one are tagged. */
  groups?: string[];
  /** The campaigns not yet over (upcoming and active), copied here by campaigns.upsert/end: every earning action reads them with the community, for nothing. */
  campaigns?: Campaign[];
  /** The last month whose 社群之星 were awarded (jobs.monthlyAwards). */
  awardedMonth?: string;
  /** Broadcasts sent on the community's day (at most 3 a day): moved in the broadcast's own transaction, so racing ones cannot pass it. */
  broadcasts?: { day: string; count: number };
}

/** A campaign (`{id}`), kept after it ends for the staff's list and its report. */
/**
 * A member's nickname under one of its parts (core/nameGrams.ts), for the search by any part:
 * `sortKey` is part|nickname|openid, so a search ranges over one part and pages in name order;
 * null once the nickname no longer holds the part (the store has no delete, and a set is enough).
 */
export interface NameGramDoc {
  communityId: string;
  openid: string;
  sortKey: string | null;
}

export type CampaignDoc = Campaign & { communityId: string; createdAt: string; updatedAt: string; sortKey: string };

export interface MemberDoc extends Account, StreakState, TierFacts {
  communityId: string;
  openid: string;
  nickname: string;
  role: Role;
  joinedAt: string;
  /** joinedAt|openid: a unique, ordered key for paging. */
  sortKey: string;
  /** nickname|openid: a search puts the members named exactly what was typed first. */
  nameKey: string;
  /** earnedTotal (zero-padded)|openid: members by points, a tier's members by range. */
  earnedKey?: string;
  /** The invite code used on joining, kept for referral attribution. */
  inviteCode: string | null;
  /** Check-in calendar marks: a day bitmask per recent month. */
  checkinMonths: CheckinMonths;
  /** Units redeemed per item, for per-member limits (refunded orders give them back). */
  redeemed?: Record<string, number>;
  /** Fingerprints of the member's recent posts and answers, for duplicate detection. */
  recentContent?: ContentPrint[];
  /** This member's own invite code, made on first asking. */
  ownCode?: string;
  /** Who invited this member (the first valid code they joined with). */
  invitedBy?: string | null;
  /** The invitation waits for this member's first check-in to be settled. */
  referralPending?: boolean;
  /** The bound WeChat group (opengid) this member joined from, if any. */
  groupId?: string | null;
  /** My invite's mini-program code image (cloud storage), made once for the share poster. */
  codeImage?: string;
  /** Set by the owner: the member keeps points and history and can read, but earns and spends nothing. */
  banned?: Ban | null;
  /** Activity facts (core/activity.ts), kept by every action that counts as activity; absent before any. */
  lastActiveDay?: string;
  activeDays?: number;
  coreUntil?: string;
  /** lastActiveDay|openid and coreUntil|openid ('0000-00-00' for never): health counts and segment lists range over them. */
  activeKey?: string;
  coreKey?: string;
  /** The member's own profile: WeChat's avatar, a birthday ("MM-DD", set once), off the leaderboard. */
  avatar?: string | null;
  birthday?: string | null;
  hideFromLeaderboard?: boolean;
  /** WeChat acceptances of the announcement message not yet used: each lets one broadcast reach the member outside the app. */
  announcementsLeft?: number;
  /** 会员码: the code the member shows now (core/purchases.ts); a purchase uses it up. */
  memberCode?: HeldCode | null;
  /** Purchase points credited on the member's last purchase day, for the daily cap. */
  purchaseDay?: PurchaseDay | null;
  /** The last purchases credited to this member, by request: a replay is answered from here (bounded). */
  recentPurchases?: Array<{ key: string; fingerprint: string; result: unknown }>;
  /** Segment pilots (campaigns) this member was enrolled in when they were made: core/pilots.ts. */
  pilots?: string[];
  /** The day the birthday was set, so one set fewer than 30 days ahead pays nothing that year; the last year it paid. */
  birthdaySetOn?: string | null;
  birthdayPaidYear?: number | null;
  /** On the leaderboards: a plain member who has not hidden (staff are not ranked). */
  ranked?: boolean;
  /** When the next batch's warning is due (7 days before it expires)|member id, '9999' once warned: the expiry job finds who to warn by it. */
  expiryWarnKey?: string;
  /** tierReviewOn|communityId|openid ('9999-12-31' for never): the daily tier review finds who is due by it. */
  tierReviewKey?: string;
  /** What the engagement layer counts (core/achievements.ts) and has given: badge and task keys with when. */
  counts?: Partial<Counts>;
  badges?: Record<string, string>;
  tasks?: Partial<Record<TaskKey, string>>;
  /** Progress in live challenges, and the win-back campaigns that paid this member. */
  challenges?: ChallengeProgress;
  winbacks?: string[];
  /** Titles and frames owned (bounded, core/wearables.ts), and which of them are worn. */
  wardrobe?: Wearable[];
  wearing?: Wearing | null;
  /** 补签: the days made up (marks like checkinMonths), and how many this month. */
  madeUpMonths?: CheckinMonths;
  makeUps?: { month: string; count: number };
  /** Points given and received on the last day of a transfer (core/transfer.ts). */
  transfers?: TransferDay;
}

export interface Ban {
  reason: string;
  by: string;
  at: string;
}

/** One newcomer's invitation: `{communityId}:{invitee}`, so a member has at most one. */
export interface ReferralDoc {
  communityId: string;
  inviter: string;
  invitee: string;
  inviteeNickname: string;
  status: ReferralStatus;
  reason: RejectionReason | null;
  inviterAwarded: number;
  inviteeAwarded: number;
  /** The inviter was over the daily cap when it was settled. */
  capped: boolean;
  createdAt: string;
  settledAt: string | null;
  sortKey: string;
}

/** An invite code, found by the code itself. */
export interface InviteCodeDoc {
  communityId: string;
  openid: string;
  createdAt: string;
}

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

export type { OrderStatus } from '../../core/mall';

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

/** A donation pool (积分捐赠) or a pooled redemption (积分众筹). */
export interface PoolDoc {
  communityId: string;
  kind: PoolKind;
  name: string;
  description: string;
  goalPoints: number;
  raised: number;
  backers: number;
  status: StoredPoolStatus;
  endsAt: string;
  /** Pooled: the reward, its starter, and the order made when funded. */
  itemId: string | null;
  starter: string | null;
  starterNickname: string | null;
  orderId: string | null;
  /** Failed: every backing has been refunded (the settle job is done with it). */
  refunded: boolean;
  createdAt: string;
  updatedAt: string;
  /** createdAt|id: newest first. */
  sortKey: string;
}

/** One member's points in one pool (`{poolId}:{openid}`): what a refund gives back, exactly once. */
export interface BackingDoc {
  communityId: string;
  poolId: string;
  openid: string;
  nickname: string;
  points: number;
  /** The points the backing's spends took, with their expiry: the refund of a failed pool gives them back as they were. */
  spentLots?: Lot[];
  refunded: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface LedgerDoc extends LedgerEntry {
  communityId: string;
  openid: string;
  /** The member's place, zero-padded: their ledger newest first (see ledgerSortKey). */
  sortKey: string;
  /** createdAt|id: the community's ledger in time order, the rollup's stream. */
  timeKey: string;
  /** On the entry of the member's first activity of its day: what the rollup counts. */
  active?: ActivityMark;
}

/**
 * What the rollup counts that the ledger does not show: a post or an answer written, a referral
 * rewarded, a check-in that earned nothing, a day's first activity that posted no entry.
 * Created in the transaction of what it records; never changed.
 */
export interface ActivityDoc {
  communityId: string;
  openid: string;
  day: string;
  kind: 'post' | 'answer' | 'referral' | 'checkin' | 'active';
  active?: ActivityMark;
  timeKey: string;
}

export type { PostStatus } from '../../core/posts';

/** A community event (`events`), owned by the owner; counts kept with it (who signed up). */
export interface EventDoc {
  communityId: string;
  title: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  points: number;
  minTier: string | null;
  /** Seats taken: signed up (and walk-ins), less cancellations. */
  signedUp: number;
  createdAt: string;
  updatedAt: string;
  /** startsAt|id: a community's events in time order. */
  sortKey: string;
  /** When the day-before reminder is due|id (an index for jobs.remindEvents); null once sent. */
  remindKey: string | null;
  /** How far the reminder has got through the seats (a seat's sortKey), while it is being sent. */
  remindCursor?: string | null;
}

/** One member's place at an event (`{eventId}:{openid}`): signed up (or walked in), and whether they came. */
export interface EventSeatDoc {
  communityId: string;
  eventId: string;
  openid: string;
  nickname: string;
  status: 'signedUp' | 'cancelled';
  signedUpAt: string;
  attendedAt: string | null;
  /** Points the attendance paid. */
  awarded: number;
  /** eventId|signedUpAt|openid: the event's list in the order people signed up (群接龙). */
  sortKey: string;
  /** eventId|attendedAt|openid once they came: staff count who came by it. */
  attendKey?: string | null;
}

/**
 * A comment on an approved post (`{communityId}:{digest of author and requestId}`): shown to all,
 * oldest first under its post; what it earned is kept so a removal takes exactly that back.
 */
export interface CommentDoc {
  communityId: string;
  postId: string;
  openid: string;
  nickname: string;
  body: string;
  status: 'visible' | 'removed';
  /** Points it earned (0: one's own post, a copy, past the day's cap, or comments earn nothing). */
  points: number;
  capped: boolean;
  /** Why it earned nothing, when it could have. */
  noPoints: NoPoints | null;
  removedBy: string | null;
  reason: string | null;
  createdAt: string;
  /** postId|createdAt|id while shown (a post's thread in order); `removed|…` once removed. */
  sortKey: string;
}

export interface PostDoc {
  communityId: string;
  openid: string;
  nickname: string;
  body: string;
  images: string[];
  status: PostStatus;
  flag: ContentFlag | null;
  noPoints: NoPoints | null;
  /** Points credited on approval; a post is credited at most once, ever. */
  points: number;
  credited: boolean;
  /** The community day of the credit, so a reversal undoes the right period's earnings. */
  creditedDay: string | null;
  /** The reviewer's reason for a rejection or a removal. */
  reason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  likes: number;
  /** Comments shown under it (absent on posts older than comments: 0). */
  comments?: number;
  createdAt: string;
  updatedAt: string;
  /** updatedAt|id: lists show the latest change first (the review queue, oldest first). */
  sortKey: string;
}

export interface LikeDoc {
  communityId: string;
  postId: string;
  openid: string;
  awarded: number;
  createdAt: string;
}

export interface QuestionDoc {
  communityId: string;
  openid: string;
  nickname: string;
  title: string;
  body: string;
  status: QaStatus;
  flag: ContentFlag | null;
  answers: number;
  acceptedAnswerId: string | null;
  createdAt: string;
  sortKey: string;
}

export interface AnswerDoc {
  communityId: string;
  questionId: string;
  openid: string;
  nickname: string;
  body: string;
  status: QaStatus;
  flag: ContentFlag | null;
  noPoints: NoPoints | null;
  accepted: boolean;
  awarded: number;
  acceptedBy: string | null;
  createdAt: string;
  sortKey: string;
}

/** Credited capped actions of one member on one community day. */
export interface DailyDoc {
  communityId: string;
  openid: string;
  day: string;
  counts: DailyCounts;
}

/** An in-app notice to a member; written in the same transaction as what it reports. */
export interface NoticeDoc {
  communityId: string;
  openid: string;
  kind: NoticeKind;
  title: string;
  body: string;
  refId: string;
  points: number;
  read: boolean;
  createdAt: string;
  sortKey: string;
}

/** A pending asynchronous image check, found again by the traceId its verdict carries. */
export interface MediaCheckDoc {
  communityId: string;
  postId: string;
  fileId: string;
  suggest: string | null;
  createdAt: string;
}

/** One staff action: who did what to whom, and the facts that matter (a reason, a before and after). */
export interface AuditDoc {
  communityId: string;
  at: string;
  actor: string;
  action: AuditAction;
  /** The openid or document id acted on. */
  target: string;
  detail: Record<string, unknown>;
  /** at|id: newest first without ties. */
  sortKey: string;
}

/** One community day's numbers (`{communityId}:{day}`), written by the stats rollup only. */
export interface StatsDayDoc extends DayNumbers {
  communityId: string;
  day: string;
}

/** A cohort: members who joined in one month, and how many of them were active in the next. */
export interface Cohort {
  joined: number;
  retained: number;
}

/**
 * A community's health as of its last rollup (`{communityId}`), written by the rollup only:
 * where it stopped in each stream, lifetime points, and the counts it took at `asOf`.
 */
export interface StatsDoc {
  communityId: string;
  /** timeKey of the last ledger entry and the last event counted ('' before any). */
  ledgerAfter: string;
  activityAfter: string;
  /** When the counts were last taken (null before the first rollup). */
  asOf: string | null;
  /** Lifetime points by API.md's definitions; liability follows from them. */
  totals: PointsTotals;
  members: number;
  /** Distinct members active in the last 7, 30 and 90 days. */
  active: { d7: number; d30: number; d90: number };
  tiers: Array<{ name: string; members: number }>;
  segments: Array<{ key: string; name: string; members: number }>;
  /** By joining month ("YYYY-MM"). */
  cohorts: Record<string, Cohort>;
}

export interface RequestDoc {
  fingerprint: string;
  result: unknown;
  createdAt: string;
}

export const ids = {
  member: (communityId: string, openid: string) => `${communityId}:${openid}`,
  /** A check-in's reference on its ledger entries. */
  checkin: (communityId: string, openid: string, day: string) => `${communityId}:${openid}:${day}`,
  request: (openid: string, requestId: string) => `${openid}:${requestId}`,
  /** One shard of a community's book of coupon codes (mall/loadCodes). */
  codeBook: (communityId: string, shard: number) => `codes:${communityId}:${shard}`,
  spend: (communityId: string, openid: string, orderId: string) => `spend:${communityId}:${openid}:${orderId}`,
  drawTry: (communityId: string, openid: string, tryId: string) => `draw:${communityId}:${openid}:${tryId}`,
  refund: (communityId: string, openid: string, orderId: string) => `refund:${communityId}:${openid}:${orderId}`,
  ledger: (kind: string, communityId: string, openid: string, key: string) => `${kind}:${communityId}:${openid}:${key}`,
  daily: (communityId: string, openid: string, day: string) => `${communityId}:${openid}:${day}`,
  like: (postId: string, openid: string) => `${postId}:${openid}`,
  notice: (kind: NoticeKind, refId: string) => `${kind}:${refId}`,
  referral: (communityId: string, invitee: string) => `${communityId}:${invitee}`,
  /** An ActivityDoc: its kind and what it is about (a post's id, a member's day). */
  event: (kind: ActivityDoc['kind'], key: string) => `${kind}:${key}`,
  backing: (poolId: string, openid: string) => `${poolId}:${openid}`,
  /** The order a funded pooled redemption becomes. */
  poolOrder: (poolId: string) => `pool_${poolId}`,
  openingBalance: (communityId: string, code: string) => `${communityId}:${code}`,
  seat: (eventId: string, openid: string) => `${eventId}:${openid}`,
  reminder: (communityId: string, openid: string) => `${communityId}:${openid}:checkin_reminder`,
  /** A member's nickname kept under one of its parts: the part as code points, so any character makes a valid id. */
  nameGram: (communityId: string, openid: string, gram: string) =>
    `${communityId}:${openid}:${Array.from(gram, (c) => c.codePointAt(0)!.toString(36)).join('.')}`,
};

/** Every collection of database/collections.json and the document it holds. */
export interface Collections {
  communities: CommunityDoc;
  groupBindings: GroupBindingDoc;
  members: MemberDoc;
  nameGrams: NameGramDoc;
  ledger: LedgerDoc;
  items: ItemDoc;
  codeBooks: CodeBookDoc;
  orders: OrderDoc;
  draws: DrawDoc;
  requests: RequestDoc;
  posts: PostDoc;
  likes: LikeDoc;
  questions: QuestionDoc;
  answers: AnswerDoc;
  daily: DailyDoc;
  notices: NoticeDoc;
  mediaChecks: MediaCheckDoc;
  referrals: ReferralDoc;
  inviteCodes: InviteCodeDoc;
  audit: AuditDoc;
  activity: ActivityDoc;
  stats: StatsDoc;
  statsDays: StatsDayDoc;
  jobRuns: JobRunsDoc;
  batches: BatchDoc;
  batchTargets: BatchTargetsDoc;
  balanceImports: BalanceImportDoc;
  openingBalances: OpeningBalanceDoc;
  reminders: ReminderDoc;
  campaigns: CampaignDoc;
  pools: PoolDoc;
  poolBackings: BackingDoc;
  comments: CommentDoc;
  events: EventDoc;
  eventSeats: EventSeatDoc;
}

/** The store and transactions use cases see: typed by collection. */
export type AppStore = Store<Collections>;
export type AppTransaction = Transaction<Collections>;
