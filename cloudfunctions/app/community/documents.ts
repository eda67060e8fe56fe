/** Stored documents of the area (the collections are listed in kernel/documents.ts). The community's own documents: the community, its members, the WeChat groups bound to it, and the parts of members' names a search reads. */
import type { Counts } from '../../core/achievements';
import type { CheckinMonths } from '../../core/calendar';
import type { Campaign, ChallengeProgress } from '../../core/campaigns';
import type { ContentPrint } from '../../core/content';
import type { Account } from '../../core/ledger';
import type { HeldCode, PurchaseDay } from '../../core/purchases';
import type { Role } from '../../core/roles';
import type { Rules, TaskKey } from '../../core/rules';
import type { StreakState } from '../../core/streak';
import type { TierFacts } from '../../core/tiers';
import type { TransferDay } from '../../core/transfer';
import type { Wearable, Wearing } from '../../core/wearables';

/** A WeChat group bound to a community (`{opengid}`, create-only): a group belongs to at most one. */
export interface GroupBindingDoc {
  communityId: string;
  boundBy: string;
  boundAt: string;
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
