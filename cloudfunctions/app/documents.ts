import type { CheckinMonths } from '../core/calendar';
import type { Account, LedgerEntry } from '../core/ledger';
import type { Prize } from '../core/lottery';
import type { ItemKind, Remembered, Reward } from '../core/mall';
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
  /** Units redeemed per item, for per-member limits (refunded orders give them back). */
  redeemed?: Record<string, number>;
  /** Recent redemption requestIds (24 h), so a replay returns the first order. */
  recentRequests?: Record<string, Remembered>;
}

export interface ItemDoc extends Reward {
  communityId: string;
  description: string;
  images: string[];
  kind: ItemKind;
  /** Coupon kind: the unused codes; stock always equals their number. Never shown to members. */
  codes: string[];
  /** pointsPrice, zero-padded, then id: the mall's natural order. */
  sortKey: string;
  createdAt: string;
  updatedAt: string;
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

export type OrderStatus = 'pending' | 'fulfilled' | 'cancelled';

export interface Shipping {
  name: string;
  phone: string;
  address: string;
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
  spend: (communityId: string, openid: string, orderId: string) => `spend:${communityId}:${openid}:${orderId}`,
  drawTry: (communityId: string, openid: string, tryId: string) => `draw:${communityId}:${openid}:${tryId}`,
  refund: (communityId: string, openid: string, orderId: string) => `refund:${communityId}:${openid}:${orderId}`,
  ledger: (kind: string, communityId: string, openid: string, key: string) => `${kind}:${communityId}:${openid}:${key}`,
};
