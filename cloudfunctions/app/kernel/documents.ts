/**
 * The database as the app sees it: every collection and the document it holds (each area keeps
 * its documents in its own documents.ts), the ids that make every write idempotent, and the
 * documents the areas share (requests, the ledger, activity, daily counts, the audit log, job runs).
 */
import type { AuditAction, NoticeKind, Shipping } from '../../contract/views';
import type { ActivityMark } from '../../core/activity';
import type { DailyCounts } from '../../core/caps';
import type { JobTimes } from '../../core/jobSchedule';
import type { LedgerEntry } from '../../core/ledger';
import type { Store, Transaction } from '../../store/port';
import type { BalanceImportDoc, OpeningBalanceDoc } from '../balances/documents';
import type { BatchDoc, BatchTargetsDoc } from '../batches/documents';
import type { CampaignDoc } from '../campaigns/documents';
import type { CommunityDoc, GroupBindingDoc, MemberDoc, NameGramDoc } from '../community/documents';
import type { EventDoc, EventSeatDoc } from '../events/documents';
import type { CodeBookDoc, DrawDoc, ItemDoc, OrderDoc } from '../mall/documents';
import type { NoticeDoc, ReminderDoc } from '../notices/documents';
import type { BackingDoc, PoolDoc } from '../pools/documents';
import type { CommentDoc, LikeDoc, MediaCheckDoc, PostDoc } from '../posts/documents';
import type { AnswerDoc, QuestionDoc } from '../qa/documents';
import type { InviteCodeDoc, ReferralDoc } from '../referral/documents';
import type { StatsDayDoc, StatsDoc } from '../stats/documents';

export type { NoticeKind, Shipping };

export type { Found } from '../../store/port';

/** What a replay needs of the first call: its parameters' fingerprint and its result. */
export interface RequestRecord {
  fingerprint: string;
  result: unknown;
}

/** The jobs function's schedule (jobs.tick): each job's next run. */
export interface JobRunsDoc {
  next: JobTimes;
  tickedAt: string;
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

/** Credited capped actions of one member on one community day. */
export interface DailyDoc {
  communityId: string;
  openid: string;
  day: string;
  counts: DailyCounts;
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

export interface RequestDoc {
  fingerprint: string;
  result: unknown;
  createdAt: string;
}

/** Document ids: deterministic, so that every write is idempotent by construction. */
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
