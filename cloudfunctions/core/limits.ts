/**
 * The bounds of what owners type: each rule's number and each reward's fields. Decided once,
 * here: the server's schemas are built from them and the app's forms check them before sending,
 * so a value the form lets through is one the server takes, and the form says why in the same
 * words the server would.
 */

/** A number a setting takes: its bounds, whole or to two decimals, and the unit it is said in. */
export interface NumberLimit {
  min: number;
  max: number;
  unit: string;
  /** Takes up to two decimals (points per yuan); the rest are whole numbers. */
  decimals?: true;
}

/** Points an owner sets anywhere (a rule, a tier's threshold, a reward's price): never more than a million. */
export const POINTS_LIMIT: NumberLimit = { min: 0, max: 1_000_000, unit: '分' };
const points = POINTS_LIMIT;
const perDay = (unit: string): NumberLimit => ({ min: 0, max: 1000, unit });

/** Every numeric rule of community.updateRules, by "group.setting". */
export const RULE_LIMITS = {
  'checkin.points': points,
  'checkin.streakDays': { min: 1, max: 1000, unit: '天' },
  'checkin.streakBonus': points,
  'post.minPoints': points,
  'post.maxPoints': points,
  'post.dailyCap': perDay('篇'),
  'answer.acceptedPoints': points,
  'answer.dailyCap': perDay('条'),
  'like.points': points,
  'like.dailyCap': perDay('次'),
  'comment.points': points,
  'comment.dailyCap': perDay('条'),
  'referral.inviterPoints': points,
  'referral.inviteePoints': points,
  'referral.dailyCap': perDay('次'),
  'referral.riskThreshold': { min: 1, max: 5, unit: '级' },
  'expiry.days': { min: 1, max: 3650, unit: '天' },
  'tierRetention.windowDays': { min: 30, max: 365, unit: '天' },
  'tierRetention.graceDays': { min: 0, max: 90, unit: '天' },
  'makeUp.cost': points,
  'makeUp.perMonth': { min: 0, max: 31, unit: '次' },
  'makeUp.withinDays': { min: 0, max: 30, unit: '天' },
  'birthday.points': points,
  'tasks.profile': points,
  'tasks.firstCheckin': points,
  'tasks.firstPost': points,
  'tasks.firstAnswer': points,
  'tasks.firstInvite': points,
  'transfer.maxPerTransfer': points,
  'transfer.dailyLimit': points,
  'transfer.receiveDailyLimit': points,
  'transfer.minMemberDays': { min: 0, max: 365, unit: '天' },
  'purchase.pointsPerYuan': { min: 0.01, max: 100, unit: '分/元', decimals: true },
  'purchase.dailyCap': points,
  'pool.days': { min: 1, max: 30, unit: '天' },
} as const satisfies Record<string, NumberLimit>;

export type RuleKey = keyof typeof RULE_LIMITS;

/** The tiers: how many, their names, the multiplier they pay and the perks they list. */
export const TIER_LIMITS = {
  tiers: 10,
  name: 10,
  minPoints: POINTS_LIMIT,
  multiplier: { min: 1, max: 3, unit: '倍', decimals: true },
  perks: 6,
  perk: 20,
} as const;

/** A reward as the owner stocks it (mall.upsertItem). Cash is in fen. */
export const REWARD_LIMITS = {
  name: 40,
  description: 500,
  category: 8,
  images: 9,
  pointsPrice: { min: 1, max: 1_000_000, unit: '分' },
  stock: { min: 0, max: 1_000_000, unit: '件' },
  perMemberLimit: { min: 1, max: 1000, unit: '件' },
  wearDays: { min: 1, max: 3650, unit: '天' },
  cashFen: { min: 1, max: 10_000_000, unit: '分' },
} as const;

/** A lottery as the owner sets it (mall.upsertDraw); a prize's chance is in ten-thousandths of the roll. */
export const DRAW_LIMITS = {
  name: 30,
  costPoints: { min: 1, max: 1_000_000, unit: '分' },
  prizes: 10,
  prizeName: 30,
  prizeStock: { min: 0, max: 100_000, unit: '件' },
} as const;

/** A campaign (campaigns.upsert): its name, each kind's numbers, a pilot's share, and what a rules trial may set. */
export const CAMPAIGN_LIMITS = {
  name: 20,
  multiplier: { min: 1.1, max: 5, unit: '倍', decimals: true },
  monthDay: { min: 1, max: 28, unit: '日' },
  target: { min: 1, max: 1_000_000, unit: '' },
  inactiveDays: { min: 3, max: 365, unit: '天' },
  bonusPoints: { min: 1, max: 100_000, unit: '分' },
  pilotShare: { min: 1, max: 99, unit: '%' },
  ruleCheckin: { min: 0, max: 10_000, unit: '分' },
  ruleStreakBonus: { min: 0, max: 100_000, unit: '分' },
  ruleAnswer: { min: 0, max: 100_000, unit: '分' },
  ruleLike: { min: 0, max: 1_000, unit: '分' },
} as const;

/** A community event (events.upsert). */
export const EVENT_LIMITS = {
  title: 30,
  description: 500,
  place: 60,
  capacity: { min: 1, max: 10_000, unit: '人' },
  points: { min: 0, max: 100_000, unit: '分' },
} as const;

/** An owner's adjustment of one member's points (points.adjust): either way, with a reason the member reads. */
export const ADJUST_LIMITS = { amount: 100_000, reason: 100 } as const;

/** Points to many members at once (points.bulkAward). */
export const AWARD_LIMITS = { members: 10_000, amount: { min: 1, max: 10_000, unit: '分' }, reason: 100 } as const;

/** An announcement (notices.broadcast). */
export const BROADCAST_LIMITS = { title: 30, body: 500 } as const;

/** A donation pool the owner opens (pools.upsert). */
export const DONATION_LIMITS = { name: 30, description: 300, goalPoints: { min: 1, max: 1_000_000, unit: '分' } } as const;

/** A comment under a post (posts.comment). */
export const COMMENT_LIMIT = 200;

/** A community's name (community.create). */
export const COMMUNITY_NAME_LIMIT = 30;

/** A post's text (posts.create). */
export const POST_LIMIT = 2000;

/** A question's title and its details (qa.ask), and an answer (qa.answer). */
export const QA_LIMITS = { title: 60, body: 2000, answer: 2000 } as const;

/** The message that goes with a gift of points (points.transfer). */
export const GIFT_MESSAGE_LIMIT = 50;

/** A member's nickname (community.join, community.updateProfile). */
export const NICKNAME_LIMIT = 20;

/** A delivery address (mall.redeem, mall.setShipping); the phone's rule is core/phone. */
export const SHIPPING_LIMITS = { name: 20, address: 200 } as const;

/** A purchase staff record (points.purchase): money in fen, as WeChat Pay counts it (¥0.01 to ¥1,000,000). */
export const PURCHASE_LIMITS = { amountFen: { min: 1, max: 100_000_000, unit: '分' } } as const;

/** Whether `value` is a number `limit` takes. */
export const withinLimit = (value: number, limit: NumberLimit): boolean => limitProblem(value, limit) === null;

/** Two decimals at most, as typed: 0.29 is (though 0.29 × 100 is 28.999… in floating point). */
const hasTwoDecimalsAtMost = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6;

/** Why `value` is not a number `limit` takes, in the owner's words; null when it is. */
export function limitProblem(value: number, limit: NumberLimit): string | null {
  if (!Number.isFinite(value)) return '必须是数字';
  if (!limit.decimals && !Number.isInteger(value)) return '必须是整数';
  if (limit.decimals && !hasTwoDecimalsAtMost(value)) return '最多两位小数';
  if (value < limit.min) return `至少 ${limit.min} ${limit.unit}`;
  if (value > limit.max) return `最多 ${limit.max} ${limit.unit}`;
  return null;
}

/** Whether `text`, as an owner typed it, is a number `limit` takes: digits, and a point with up to two more where it takes decimals. */
export const typedWithin = (text: string, limit: NumberLimit): boolean =>
  (limit.decimals ? /^\d+(\.\d{1,2})?$/ : /^\d+$/).test(text.trim()) && withinLimit(Number(text), limit);
