import type { CheckinMonths } from '../core/calendar';
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
  /** Check-in calendar marks: a day bitmask per recent month. */
  checkinMonths: CheckinMonths;
}

export interface LedgerDoc extends LedgerEntry {
  communityId: string;
  openid: string;
  /** createdAt|id: newest-first paging without ties. */
  sortKey: string;
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
  counter: (communityId: string, openid: string, day: string) => `${communityId}:${openid}:${day}`,
  ledger: (kind: string, communityId: string, openid: string, key: string) => `${kind}:${communityId}:${openid}:${key}`,
};
