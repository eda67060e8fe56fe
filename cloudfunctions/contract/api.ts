/**
 * The cloud API's types (../shared/docs/API.md, v1 to v3): what each action accepts (`in`) and
 * answers (`out`). The mini-program imports these; names and fields here are binding — add, never
 * rename or drop. A leaf: it imports core's types and nothing of the app. Each area's action table
 * is checked against it (ActionsOf in app/kernel/dispatch.ts) both ways — its schema accepts
 * exactly `in`, its use case answers `out` — so neither can drift from what is written here.
 */
import type { SegmentKey } from '../core/activity';
import type { SheetProblem, SheetRow } from '../core/balanceSheet';
import type { ChallengeMetric, MultipliedAction } from '../core/campaigns';
import type { ErrorCode } from '../core/errors';
import type { JobName } from '../core/jobSchedule';
import type { EntryKind, LedgerEntry } from '../core/ledger';
import type { ItemKind } from '../core/mall';
import type { MallBalance } from '../core/mallBalance';
import type { GroupView, Pilot } from '../core/pilots';
import type { Role } from '../core/roles';
import type { Rules, RulesPatch, TaskKey } from '../core/rules';
import type { TemplateKey } from '../core/templates';
import type { Wearable, Wearing, Worn } from '../core/wearables';
import type {
  AnswerView,
  AttendeeView,
  AuditAction,
  BackerView,
  BalanceImport,
  CampaignView,
  Checkout,
  CloudIdParam,
  CommentView,
  DrawResult,
  DrawView,
  EventView,
  ItemView,
  NoPoints,
  NoticeView,
  OpeningBalance,
  OrderView,
  Overview,
  PoolView,
  PostView,
  QuestionView,
  RedeemResult,
  ReferralView,
  SegmentsView,
  Shipping,
  TransferView,
} from './views';

export type { AttendeeView, EventView, BalanceImport as BalanceImportView, OpeningBalance as OpeningBalanceView };
export type { ErrorCode };
export type { CampaignView, PoolView, BackerView, Checkout, TransferView, CommentView };
export type { TemplateKey };
export type {
  AuditAction,
  Role,
  Rules,
  RulesPatch,
  EntryKind,
  ItemView,
  OrderView,
  RedeemResult,
  DrawView,
  DrawResult,
  PostView,
  QuestionView,
  AnswerView,
  NoticeView,
  NoPoints,
  ReferralView,
};

/** The one response shape of every cloud function action (API.md). */
export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export interface Community {
  id: string;
  name: string;
  timezone: string;
  ownerOpenid: string;
  rules: Rules;
  /** Addition (v3): how many WeChat groups are bound to it (the owner's first steps). */
  groupsBound: number;
}

export interface Member {
  openid: string;
  nickname: string;
  role: Role;
  joinedAt: string;
  balance: number;
  earnedTotal: number;
  /** Additions: the bound WeChat group this member joined from, and who invited them. */
  groupId: string | null;
  invitedBy: string | null;
  /** v2: the tier's name, the check-in streak as of today, and whether the owner banned them. */
  tier: string;
  streak: number;
  banned: boolean;
  /** v2 profile (community.updateProfile): WeChat avatar, birthday "MM-DD" (set once), off the leaderboard. */
  avatar: string | null;
  birthday: string | null;
  hideFromLeaderboard: boolean;
  /** v2: the last day they were active ("YYYY-MM-DD" | null) and their segment today. */
  lastActiveDay: string | null;
  /** null for staff: the owner and moderators are in no segment and no health count. */
  segment: SegmentKey | null;
}

/** One staff action in the audit log: `action` is "function.action", `target` the openid or document id. */
export interface AuditEvent {
  id: string;
  at: string;
  actor: string;
  /** v3 (操作日志): the actor's nickname now; the member the action concerned (its target, or the member of the order, post or comment) and their nickname, else null. */
  actorName: string | null;
  action: AuditAction;
  target: string;
  member: string | null;
  memberName: string | null;
  detail: Record<string, unknown>;
}

/** A ledger line as the API shows it: {id, delta, kind, reason, refId, balanceAfter, createdAt}. */
export type Entry = Omit<LedgerEntry, 'day'>;

/** What a purchase credits (points.purchase): `entry` null when the day's cap left no points. */
export interface PurchaseAnswer {
  entry: Entry | null;
  points: number;
  capped: boolean;
  member: { openid: string; nickname: string; balance: number };
}

export interface TierInfo {
  name: string;
  nextName: string | null;
  nextMinPoints: number | null;
  /** v2: the points that decide the tier (lifetime, or the rolling window's), what it multiplies by and gives, and — rolling mode, below its minimum — what keeps it by when. */
  points: number;
  multiplier: number;
  perks: string[];
  keep: { minPoints: number; by: string } | null;
}

export interface Badge {
  key: string;
  name: string;
  description: string;
  earnedAt: string | null;
  progress: { current: number; target: number };
}

export interface Task {
  key: TaskKey;
  name: string;
  points: number;
  done: boolean;
}

export interface ChallengeView {
  id: string;
  name: string;
  metric: ChallengeMetric;
  target: number;
  current: number;
  done: boolean;
  /** Additions: what it pays and its window. */
  bonusPoints: number;
  startsAt: string;
  endsAt: string;
}

/** A reward as the owner stocks it (mall.upsertItem); `id` edits one. Title and frame rewards carry `wear`; only physical ones a cash price. */
export interface ItemInput {
  id?: string;
  name: string;
  description?: string;
  category?: string | null;
  images?: string[];
  kind?: ItemKind;
  wear?: { look: string; days?: number | null } | null;
  pointsPrice: number;
  stock: number;
  perMemberLimit?: number | null;
  startsAt?: string | null;
  endsAt?: string | null;
  minTier?: string | null;
  active?: boolean;
  cashPrice?: number | null;
}

/** A lottery as the owner sets it (mall.upsertDraw): prize weights are in ten-thousandths of the roll. */
export interface DrawInput {
  id?: string;
  name: string;
  costPoints: number;
  active?: boolean;
  prizes: Array<{
    id?: string;
    name: string;
    weight: number;
    stock: number;
    kind?: 'physical' | 'coupon' | 'service';
    itemId?: string | null;
  }>;
}

/** A campaign as the owner sends it (campaigns.upsert), one of four kinds; `id` edits one; `pilot` tries it on a share or a segment first. */
export type CampaignInput = {
  id?: string;
  name: string;
  startsAt: string;
  endsAt: string;
  pilot?: { share?: number | null; segment?: SegmentKey | null } | null;
} & (
  | { kind: 'multiplier'; actions: MultipliedAction[]; multiplier: number; monthDay?: number | null }
  | { kind: 'challenge'; metric: ChallengeMetric; target: number; bonusPoints: number }
  | { kind: 'winback'; inactiveDays?: number; bonusPoints: number }
  | {
      kind: 'rules';
      rules: { checkin?: { points?: number; streakBonus?: number }; answer?: { acceptedPoints?: number }; like?: { points?: number } };
    }
);

export interface Page {
  nextCursor: string | null;
}

export interface Api {
  community: {
    create: { in: { name: string; template?: TemplateKey; timezone?: string; requestId?: string }; out: { community: Community } };
    get: { in: { communityId: string }; out: { community: Community; role: Role | null } };
    join: { in: { communityId: string; inviteCode?: string; nickname?: string; groupCloudId?: CloudIdParam }; out: { member: Member } };
    /** Addition: the owner binds the WeChat group the app was opened from. */
    bindGroup: { in: { communityId: string; groupCloudId: CloudIdParam }; out: { groups: number; bound: true } };
    /** v3: every community the caller belongs to, most recently active first (a switcher). */
    mine: {
      in: Record<string, never>;
      out: { communities: Array<{ id: string; name: string; role: Role; balance: number; unread: number }> };
    };
    /** v3: the community bound to the WeChat group the app was opened from (the group only from its CloudID). */
    byGroup: { in: { groupCloudId: CloudIdParam }; out: { community: { id: string; name: string } | null; role: Role | null } };
    updateRules: { in: { communityId: string; rules: RulesPatch }; out: { rules: Rules } };
    setRole: { in: { communityId: string; openid: string; role: 'moderator' | 'member' }; out: { member: Member } };
    /**
     * `q`: the start of a nickname, or an openid exactly (that member first). A search lists by
     * name, a segment by last activity (new: by joining), a tier by points; `sort` orders the rest.
     */
    members: {
      in: {
        communityId: string;
        cursor?: string | null;
        limit?: number;
        q?: string;
        role?: Role;
        tier?: string;
        segment?: SegmentKey;
        sort?: 'joined' | 'active' | 'points';
      };
      out: { members: Member[] } & Page;
    };
    /** v2, staff: one member and their 20 newest ledger entries. */
    /** Addition: `transfers`, their newest gifts both ways (direction, the other member's openid, points, message). */
    member: { in: { communityId: string; openid: string }; out: { member: Member; entries: Entry[]; transfers: TransferView[] } };
    /** v2, owner: a banned member keeps points and history, reads, and earns and spends nothing. */
    ban: { in: { communityId: string; openid: string; banned: boolean; reason: string }; out: { member: Member } };
    /** v2, the caller's own profile. */
    updateProfile: {
      /** v3 `wear`: which owned title and frame (by their reward's id) to wear; null takes one off. */
      in: { communityId: string; nickname?: string; avatar?: string; birthday?: string; hideFromLeaderboard?: boolean; wear?: Wearing };
      out: { member: Member; worn: Worn; wardrobe: Array<Wearable & { worn: boolean }> };
    };
    /** v2, owner: one event per staff action, newest first. */
    audit: {
      in: { communityId: string; cursor?: string | null; limit?: number; kind?: AuditAction; actor?: string };
      out: { events: AuditEvent[] } & Page;
    };
  };
  points: {
    me: {
      in: { communityId: string };
      out: {
        balance: number;
        earnedTotal: number;
        tier: TierInfo;
        streak: number;
        checkedInToday: boolean;
        expiring: { points: number; at: string } | null;
        /** Additions to API.md: what the home page shows beside the numbers. */
        nickname: string;
        /** v2 additions: my profile, for 我的. */
        avatar: string | null;
        birthday: string | null;
        hideFromLeaderboard: boolean;
        role: Role;
        /** The caller's own openid (as WeChat says it), so the app can tell its own posts. */
        openid: string;
        today: string;
        streakDays: number;
        nextBonusIn: number;
        streakBonus: number;
        /** v3: what checking in pays me today (null once done): the day's points after my tier's and campaigns' multipliers, the streak bonus if today completes one, and the multiplier when not 1. */
        checkinPays: { points: number; bonus: number; multiplier: number | null } | null;
        /** v3: the title and frame I wear now, and all I own that has not run out (core/wearables.ts). */
        worn: Worn;
        wardrobe: Array<Wearable & { worn: boolean }>;
      };
    };
    ledger: { in: { communityId: string; cursor?: string | null; limit?: number }; out: { entries: Entry[] } & Page };
    adjust: { in: { communityId: string; openid: string; delta: number; reason: string; requestId: string }; out: { entry: Entry } };
    /** v2: the tiers with their multipliers and perks, and how they are kept. */
    tiers: {
      in: { communityId: string };
      out: {
        tiers: Array<{ name: string; minPoints: number; multiplier: number; perks: string[] }>;
        mode: 'lifetime' | 'rolling';
        windowDays: number;
        graceDays: number;
      };
    };
    /** v2: anyone's badge wall (openid omitted: mine). */
    badges: { in: { communityId: string; openid?: string }; out: { badges: Badge[]; worn: Worn } };
    /** v2 积分转赠: both members and both entries in one transaction; received points are never earned. */
    transfer: {
      in: { communityId: string; to: string; amount: number; message?: string; requestId: string };
      out: { entry: Entry; balance: number };
    };
    /** v2: my newcomer tasks. */
    tasks: { in: { communityId: string }; out: { tasks: Task[] } };
    /** v3 (owner): points to every listed member, or every member of a segment (all when neither), once each; the call carries it as far as it can, jobs.runBatches the rest. */
    bulkAward: {
      in: { communityId: string; openids?: string[]; segment?: SegmentKey; delta: number; reason: string; requestId: string };
      out: { batch: Batch };
    };
    /** v3 (staff): where a bulk award or broadcast stands. */
    batch: { in: { communityId: string; batchId: string }; out: { batch: Batch } };
    /** v3 additions (owner): opening balances from a spreadsheet — what a CSV would import, nothing written. */
    previewImport: {
      in: { communityId: string; file: string };
      out: { rows: number; points: number; sample: SheetRow[]; problems: SheetProblem[]; problemCount: number };
    };
    /** The rows become credits waiting for their members (refused while rows have problems, unless skipProblems). */
    importBalances: {
      in: { communityId: string; file: string; skipProblems?: boolean; requestId: string };
      out: { import: BalanceImport; batch: Batch };
    };
    imports: { in: { communityId: string; cursor?: string | null; limit?: number }; out: { imports: BalanceImport[] } & Page };
    importRows: {
      in: { communityId: string; importId: string; status?: 'open' | 'claimed'; cursor?: string | null; limit?: number };
      out: { rows: OpeningBalance[] } & Page;
    };
    /** A member claims the row a claim code names (once); the owner matches a row to a member. */
    claimBalance: { in: { communityId: string; code: string; requestId: string }; out: ClaimedBalance };
    matchBalance: { in: { communityId: string; code: string; openid: string; requestId: string }; out: ClaimedBalance };
    /** v3 会员码: what the member's QR code holds, valid 120 s, for this member and community only. */
    memberCode: { in: { communityId: string }; out: { code: string; expiresAt: string } };
    /** Addition (staff): whose code was scanned — name, tier, balance — and what a purchase of amountFen would pay now. */
    scanMember: {
      in: { communityId: string; code: string; amountFen?: number };
      out: {
        member: { openid: string; nickname: string; avatar: string | null; tier: string; balance: number; banned: boolean };
        purchase: { enabled: boolean; pointsPerYuan: number; points?: number; capped?: boolean };
        expiresAt: string;
      };
    };
    /** v3 (staff): a purchase credited to the scanned member; `entry` null when the day's cap left no points. */
    purchase: { in: { communityId: string; code: string; amountFen: number; note?: string; requestId: string }; out: PurchaseAnswer };
    refundPurchase: { in: { communityId: string; entryId: string; reason: string; requestId: string }; out: { entry: Entry } };
    leaderboard: {
      in: { communityId: string; period: 'week' | 'month' | 'all'; limit?: number };
      /** v2: each row's rank (ties share one) and avatar; `me` null for staff and for members who hide. */
      out: {
        rows: Array<{ openid: string; nickname: string; points: number; rank: number; avatar: string | null; worn: Worn }>;
        me: { rank: number; points: number } | null;
      };
    };
  };
  checkin: {
    /** v2 additions: `multiplier` when the day's points were multiplied; `extras`, the other entries it paid (birthday, task, win-back, challenge). */
    checkin: {
      in: { communityId: string };
      out: {
        awarded: number;
        bonus: number;
        streak: number;
        balance: number;
        referralBonus?: number;
        multiplier?: number;
        extras?: Array<{ reason: string; points: number }>;
      };
    };
    /** v2 补签: buys back a missed day; it joins the streak and earns nothing itself. */
    makeUp: {
      in: { communityId: string; day: string; requestId: string };
      out: { day: string; cost: number; streak: number; balance: number };
    };
    /** Addition: what a make-up of `day` would cost and restore, or why it cannot be (`problem`), before the member confirms. */
    makeUpQuote: {
      in: { communityId: string; day: string };
      out: { day: string; cost: number; streak: number; leftThisMonth: number; balance: number; problem: string | null };
    };
    /** v2 additions: the made-up days among `days`, and what a make-up costs and has left this month. */
    calendar: {
      in: { communityId: string; month: string };
      out: { days: string[]; streak: number; madeUp: string[]; makeUp: { cost: number; withinDays: number; leftThisMonth: number } };
    };
  };
  stats: {
    overview: { in: { communityId: string; days: 7 | 30 | 90 }; out: Overview };
    segments: { in: { communityId: string }; out: SegmentsView };
    /** v3 (staff): points members hold (as of the last rollup) against what the stock on sale can honour; each reward's redemption rate; rewards nobody redeems; a warning in words. */
    mall: { in: { communityId: string }; out: MallBalance & { asOf: string | null } };
    /** Owner: a UTF-8 CSV with a BOM and a header row; `url` works for an hour. */
    export: {
      in: { communityId: string; kind: 'members' | 'ledger' | 'orders' | 'balances' };
      out: { fileName: string; rows: number; url: string };
    };
  };
  jobs: {
    /** `more`: this run stopped on its time budget with members still due; the next trigger goes on. */
    /** `warned`: members told of points expiring within 7 days (once per batch). */
    expirePoints: { in: Record<string, never>; out: { expiredPoints: number; members: number; more: boolean; warned: number } };
    /** v2: brings the health numbers up to now; `records`: ledger entries and events counted in this run. */
    rollupStats: { in: Record<string, never>; out: { communities: number; records: number; more: boolean } };
    /** v2, daily: rolling tiers — warns who fell short, moves down who is still short on their day. */
    reviewTiers: { in: Record<string, never>; out: { reviewed: number; warned: number; demoted: number; more: boolean } };
    /** v2, monthly: 社群之星 for the top 3 of last month's board in each community. */
    monthlyAwards: { in: Record<string, never>; out: { communities: number; awarded: number; more: boolean } };
    /** v2: pooled redemptions past their deadline fail; every backing of a failed pool is refunded once (`refunded`: backings this run). */
    settlePools: { in: Record<string, never>; out: { failed: number; refunded: number; more: boolean } };
    /** v2, every 5 minutes: points + cash orders unpaid past expiresAt are cancelled — points refunded, stock restored, once. */
    expireUnpaid: { in: Record<string, never>; out: { cancelled: number; more: boolean } };
    /** v3, every 5 minutes: refunds of cancelled or late-paid points + cash orders are asked for and followed until WeChat Pay settles them (`settled`: this run). */
    settleRefunds: { in: Record<string, never>; out: { settled: number; more: boolean } };
    /** v3, every minute: bulk awards and broadcasts still running are carried on (`advanced`: batches moved; `more`: one is left running). */
    runBatches: { in: Record<string, never>; out: { advanced: number; more: boolean } };
    /** v3, every minute: due check-in reminders sent to who has not checked in (`sent`: this run). */
    remind: { in: Record<string, never>; out: { sent: number; more: boolean } };
    /** v3: the day-before reminders of events, to everyone signed up (in-app), once. */
    remindEvents: { in: Record<string, never>; out: { told: number; more: boolean } };
    /** v3, the one timer trigger (every minute): runs the jobs that are due; `waiting`: due but left for the next tick (budget spent). */
    tick: { in: Record<string, never>; out: { ran: Partial<Record<JobName, unknown>>; waiting: JobName[] } };
  };
  mall: {
    upsertItem: { in: { communityId: string; item: ItemInput }; out: { item: ItemView } };
    loadCodes: { in: { communityId: string; itemId: string; codes: string[] }; out: { added: number; skipped: number; stock: number } };
    items: { in: { communityId: string }; out: { items: ItemView[]; balance: number } };
    redeem: { in: { communityId: string; itemId: string; quantity?: number; requestId: string; shipping?: Shipping }; out: RedeemResult };
    orders: {
      in: {
        communityId: string;
        scope?: 'mine' | 'all';
        status?: 'unpaid' | 'pending' | 'fulfilled' | 'cancelled';
        cursor?: string | null;
        limit?: number;
      };
      out: { orders: OrderView[] } & Page;
    };
    /** v3: one order for its detail page (the member's own; staff: any). */
    order: { in: { communityId: string; orderId: string }; out: { order: OrderView } };
    /** A shipped reward's courier and tracking number go together (both or neither). */
    fulfil: {
      in: { communityId: string; orderId: string; note?: string; courier?: string; trackingNo?: string };
      out: { order: OrderView };
    };
    /** v1 conformance: the member adds the address of their own physical order while it is pending. */
    setShipping: { in: { communityId: string; orderId: string; shipping: Shipping }; out: { order: OrderView } };
    cancel: { in: { communityId: string; orderId: string; reason: string }; out: { order: OrderView } };
    /** v3 核销 (staff): redeems the order whose pickupCode was scanned, once (a second scan: ALREADY_DONE, saying who and when). */
    verify: { in: { communityId: string; pickupCode: string }; out: { order: OrderView } };
    /** Addition (staff): how many service, coupon and prize orders wait to be redeemed. */
    pickupsWaiting: { in: { communityId: string }; out: { waiting: number } };
    upsertDraw: { in: { communityId: string; draw: DrawInput }; out: { draw: DrawView } };
    draws: { in: { communityId: string }; out: { draws: DrawView[]; balance: number } };
    draw: { in: { communityId: string; drawId: string; requestId: string }; out: DrawResult };
    /** Addition: the payer's unpaid points + cash order, ready for wx.requestPayment again (继续支付) until it expires. */
    pay: { in: { communityId: string; orderId: string }; out: { payment: Checkout } };
  };
  posts: {
    create: { in: { communityId: string; body: string; images?: string[] }; out: { post: PostView } };
    /** A rejection needs a reason (its author reads it). */
    review: {
      in: { communityId: string; postId: string; decision: 'approve' | 'reject'; points?: number; reason?: string };
      out: { post: PostView; awarded: number; capped?: true; noPoints?: NoPoints };
    };
    /** Addition: a moderator withdraws an approval; the points are reversed. */
    revoke: { in: { communityId: string; postId: string; reason: string }; out: { post: PostView; reversed: number } };
    list: {
      in: { communityId: string; status?: 'approved' | 'pending' | 'mine'; cursor?: string | null; limit?: number };
      out: { posts: PostView[] } & Page;
    };
    like: { in: { communityId: string; postId: string }; out: { liked: boolean; awarded: number; likes: number; capped?: true } };
    /** v3: a comment on an approved post; `noPoints` says why it earned nothing when it could have. */
    comment: {
      in: { communityId: string; postId: string; body: string; requestId: string };
      out: { comment: CommentView; awarded: number; capped?: true; noPoints?: NoPoints };
    };
    comments: {
      in: { communityId: string; postId: string; cursor?: string | null; limit?: number };
      out: { comments: CommentView[] } & Page;
    };
    /** v3 (staff): the comment leaves the thread and its points are reversed. */
    removeComment: { in: { communityId: string; commentId: string; reason: string }; out: { removed: true; reversed: number } };
    /** Addition: a late image-check verdict, pushed by the platform (authorised by its traceId). */
    mediaVerdict: {
      in: { traceId: string; suggest: 'pass' | 'review' | 'risky'; label?: string | null };
      out: { postId?: string; applied: boolean };
    };
  };
  qa: {
    ask: { in: { communityId: string; title: string; body: string }; out: { question: QuestionView } };
    answer: { in: { communityId: string; questionId: string; body: string }; out: { answer: AnswerView } };
    accept: {
      in: { communityId: string; answerId: string };
      out: { answer: AnswerView; awarded: number; capped?: true; noPoints?: NoPoints };
    };
    list: {
      in: { communityId: string; status?: 'visible' | 'held' | 'mine'; cursor?: string | null; limit?: number };
      out: { questions: QuestionView[] } & Page;
    };
    get: { in: { communityId: string; questionId: string }; out: { question: QuestionView; answers: AnswerView[] } };
    /** Additions: the Q&A half of the review queue. */
    heldAnswers: { in: { communityId: string; limit?: number }; out: { answers: AnswerView[] } };
    moderate: {
      in: { communityId: string; kind: 'question' | 'answer'; id: string; decision: 'release' | 'remove' };
      out: { question?: QuestionView; answer?: AnswerView };
    };
  };
  referral: {
    invite: { in: { communityId: string }; out: { inviteCode: string; path: string } };
    list: { in: { communityId: string; cursor?: string | null; limit?: number }; out: { referrals: ReferralView[] } & Page };
    /** Additions: the invitee's landing (open to outsiders) and the share poster's code. */
    landing: {
      in: { communityId: string; inviteCode?: string };
      out: {
        community: { id: string; name: string };
        inviter: { nickname: string } | null;
        rewards: { inviteePoints: number; inviterPoints: number; checkinPoints: number };
      };
    };
    posterCode: { in: { communityId: string }; out: { inviteCode: string; path: string; image: string | null } };
  };
  campaigns: {
    upsert: { in: { communityId: string; campaign: CampaignInput }; out: { campaign: CampaignView } };
    list: { in: { communityId: string; cursor?: string | null; limit?: number }; out: { campaigns: CampaignView[] } & Page };
    end: { in: { communityId: string; campaignId: string }; out: { campaign: CampaignView } };
    progress: { in: { communityId: string }; out: { challenges: ChallengeView[] } };
    report: { in: { communityId: string; campaignId: string }; out: { returned: number; pointsAwarded: number } };
    /** Additions (#25 试点): a pilot against the rest over the same days, per member; `running` until every member is counted. */
    pilotReport: {
      in: { communityId: string; campaignId: string };
      out: {
        campaignId: string;
        pilot: Pilot;
        from: string;
        to: string;
        status: 'running' | 'done';
        counted: number;
        compared: { pilot: GroupView; rest: GroupView };
      };
    };
  };
  /** v3 community events: sign-ups under a capacity, attendance by member code at the door. */
  events: {
    upsert: {
      in: {
        communityId: string;
        event: {
          id?: string;
          title: string;
          description?: string;
          place?: string;
          startsAt: string;
          endsAt: string;
          capacity?: number | null;
          points: number;
          minTier?: string | null;
        };
      };
      out: { event: EventView };
    };
    list: { in: { communityId: string; cursor?: string | null; limit?: number }; out: { events: EventView[] } & Page };
    /** Addition: one event and who comes (the first 50 who signed up). */
    get: {
      in: { communityId: string; eventId: string };
      out: { event: EventView; coming: Array<{ nickname: string; attended: boolean }> };
    };
    signUp: { in: { communityId: string; eventId: string; requestId: string }; out: { event: EventView } };
    cancel: { in: { communityId: string; eventId: string }; out: { event: EventView } };
    attend: { in: { communityId: string; eventId: string; code: string }; out: { attendee: AttendeeView; awarded: number } };
    attendees: {
      in: { communityId: string; eventId: string; cursor?: string | null; limit?: number };
      out: { attendees: AttendeeView[] } & Page;
    };
  };
  /** v2 积分捐赠 and 积分众筹. */
  pools: {
    /** Owner: a donation pool (points leave circulation); closes when funded or at endsAt. */
    upsert: {
      in: { communityId: string; pool: { id?: string; name: string; description?: string; goalPoints: number; endsAt: string } };
      out: { pool: PoolView };
    };
    /** Member: a pooled redemption of one unit of a reward (reserved at once); goal = its price, deadline now + rules.pool.days. */
    start: { in: { communityId: string; itemId: string; requestId: string }; out: { pool: PoolView } };
    contribute: {
      in: { communityId: string; poolId: string; points: number; requestId: string };
      out: { pool: PoolView; balance: number };
    };
    list: { in: { communityId: string; cursor?: string | null; limit?: number }; out: { pools: PoolView[] } & Page };
    /** Addition: one pool and its biggest backers. */
    get: { in: { communityId: string; poolId: string }; out: { pool: PoolView; backers: BackerView[] } };
  };
  /** Addition: a member's in-app notices. */
  notices: {
    list: { in: { communityId: string; cursor?: string | null; limit?: number }; out: { notices: NoticeView[]; unread: number } & Page };
    read: { in: { communityId: string }; out: { read: number } };
    /** v3 (owner): an announcement to every member of a segment (all when none), once each, as notices of kind `broadcast`; at most 3 a community day. */
    broadcast: { in: { communityId: string; title: string; body: string; segment?: SegmentKey; requestId: string }; out: { batch: Batch } };
    /** v3: the member accepted one check-in reminder (one WeChat message) at `hour` on the community's clock. */
    subscribe: {
      in: { communityId: string; kind: 'checkin_reminder'; hour: number } | { communityId: string; kind: 'announcement' };
      out: Reminders;
    };
    /** v3: the caller's reminders left. */
    subscriptions: { in: { communityId: string }; out: Reminders };
  };
}

/** Check-in reminders accepted and not yet sent, and their hour (null: none chosen). */
export interface Reminders {
  checkinReminder: { left: number; hour: number | null };
  /** Additions: broadcasts that may still reach me as a WeChat message (one per acceptance). */
  announcement: { left: number };
}

/**
 * A bulk award or a broadcast. `credited`: members credited (award) or told (broadcast) so far;
 * `total` for a segment is the members it reached, final when `status` is done; `skipped` names up
 * to 1,000 members passed over, with why.
 */
export interface ClaimedBalance {
  entry: Entry;
  balance: number;
  row: { name: string; points: number; note: string };
}

export interface Batch {
  id: string;
  kind: 'award' | 'broadcast' | 'import' | 'pilot' | 'report';
  status: 'running' | 'done';
  total: number;
  credited: number;
  skipped: Array<{ openid: string; reason: string }>;
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { in: infer I } ? I : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { out: infer O } ? O : never;
