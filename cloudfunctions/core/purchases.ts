import type { Day } from './days';
import type { Rules } from './rules';

/**
 * 会员码 and purchases (API v3): a member shows a code that names them for two minutes; staff
 * scan it to credit a purchase — points per yuan, times the member's tier multiplier, within a
 * daily cap. A code credits one purchase: scanned twice (two staff, one receipt), the second is
 * refused, so one purchase is never paid twice.
 */
export const MEMBER_CODE_TTL_MS = 120_000;

/** What the member's QR code holds: the community, the member and a secret only the server knows. */
export const memberCodeOf = (communityId: string, openid: string, secret: string): string => `${communityId}.${openid}.${secret}`;

const MEMBER_CODE = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{8,40})$/;

export function parseMemberCode(code: string): { communityId: string; openid: string; secret: string } | null {
  const match = MEMBER_CODE.exec(code.trim());
  return match ? { communityId: match[1], openid: match[2], secret: match[3] } : null;
}

/** The code a member holds now (on their document): its secret, when it lapses, and when a purchase used it. */
export interface HeldCode {
  secret: string;
  expiresAt: string;
  usedAt: string | null;
}

/** Why a scanned code cannot credit anything now, in the words staff read; null when it can. */
export function memberCodeProblem(held: HeldCode | null | undefined, secret: string, now: Date): string | null {
  if (!held || held.secret !== secret) return '会员码无效或已刷新：请会员打开「我的 → 会员码」再扫';
  if (held.usedAt) return '这个会员码已用过：请会员刷新后再扫';
  if (Date.parse(held.expiresAt) <= now.getTime()) return '会员码已过期：请会员刷新后再扫';
  return null;
}

/** Purchase points a member was credited on a day (the daily cap counts them). */
export interface PurchaseDay {
  day: Day;
  points: number;
}

/**
 * The points a purchase earns: whole points per yuan, times the tier's multiplier, as many as
 * fit under today's cap (`capped` when some did not).
 */
export function purchasePoints(
  amountFen: number,
  rule: Rules['purchase'],
  tierMultiplier: number,
  today: PurchaseDay | null | undefined,
  day: Day,
): { points: number; capped: boolean } {
  const base = Math.floor(Math.round((amountFen / 100) * rule.pointsPerYuan * 100) / 100);
  const earned = Math.floor(Math.round(base * tierMultiplier * 100) / 100);
  const used = today?.day === day ? today.points : 0;
  const room = Math.max(0, rule.dailyCap - used);
  return { points: Math.min(earned, room), capped: earned > room };
}
