import type { Account, LedgerEntry } from '../core/ledger';
import type { Rules } from '../core/rules';
import type { StreakState } from '../core/streak';
import type { Role } from './api';

/** Stored document shapes. Ids are deterministic so that every write is idempotent by construction. */
export interface CommunityDoc {
  name: string;
  timezone: string;
  ownerOpenid: string;
  rules: Rules;
  createdAt: string;
}

export interface MemberDoc extends Account, StreakState {
  communityId: string;
  openid: string;
  nickname: string;
  role: Role;
  joinedAt: string;
  /** joinedAt|openid: a unique, ordered key for paging. */
  sortKey: string;
  /** The invite code used on joining, kept for referral attribution. */
  inviteCode: string | null;
}

export interface LedgerDoc extends LedgerEntry {
  communityId: string;
  openid: string;
  /** createdAt|id: newest-first paging without ties. */
  sortKey: string;
}

export interface CheckinDoc {
  communityId: string;
  openid: string;
  day: string;
  streak: number;
  awarded: number;
  bonus: number;
  createdAt: string;
}

export interface RequestDoc {
  fingerprint: string;
  result: unknown;
  createdAt: string;
}

export const ids = {
  member: (communityId: string, openid: string) => `${communityId}:${openid}`,
  checkin: (communityId: string, openid: string, day: string) => `${communityId}:${openid}:${day}`,
  request: (openid: string, requestId: string) => `${openid}:${requestId}`,
  counter: (communityId: string, openid: string, day: string) => `${communityId}:${openid}:${day}`,
  ledger: (kind: string, communityId: string, openid: string, key: string) => `${kind}:${communityId}:${openid}:${key}`,
};
