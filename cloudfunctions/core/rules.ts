/** A community's points rules. Defaults follow the product research (../shared/seeds). */
export interface Tier {
  name: string;
  minPoints: number;
  /** Multiplies what the tier's members earn by checking in, posting, answering and liking (1–3). */
  multiplier?: number;
  /** What the tier gives, in the owner's words, shown on the tier card and the rules page. */
  perks?: string[];
}

/** How a tier is kept: for life, or by the points earned in a rolling window (保级) with a grace period. */
export interface TierRetention {
  mode: 'lifetime' | 'rolling';
  windowDays: number;
  graceDays: number;
}

/** The newcomer tasks (API.md "tasks"), each paying its points once. */
export const TASK_KEYS = ['profile', 'firstCheckin', 'firstPost', 'firstAnswer', 'firstInvite'] as const;
export type TaskKey = (typeof TASK_KEYS)[number];

export interface Rules {
  checkin: { points: number; streakDays: number; streakBonus: number };
  answer: { acceptedPoints: number; dailyCap: number };
  post: { minPoints: number; maxPoints: number; dailyCap: number };
  like: { points: number; dailyCap: number };
  /** Commenting on others' approved posts (API v3): points each, at most dailyCap a day earn. */
  comment: { points: number; dailyCap: number };
  /** riskThreshold: a newcomer whose WeChat risk rank (0–4) is at least this earns no referral reward. */
  referral: { inviterPoints: number; inviteePoints: number; dailyCap: number; riskThreshold: number };
  expiry: { days: number };
  tiers: Tier[];
  tierRetention: TierRetention;
  /** 补签: a missed day bought back for `cost` points, at most perMonth a month, within the last withinDays. */
  makeUp: { cost: number; perMonth: number; withinDays: number };
  /** Paid with the first check-in on the member's birthday. */
  birthday: { points: number };
  tasks: Record<TaskKey, number>;
  /** 积分转赠: who may give (a tier, a membership age), how much at once, a day, and what one member may receive a day. */
  transfer: {
    enabled: boolean;
    minTier: string;
    dailyLimit: number;
    maxPerTransfer: number;
    minMemberDays: number;
    receiveDailyLimit: number;
  };
  /** 积分众筹: how many days a pooled redemption has to be funded before it fails and refunds its backers. */
  pool: { days: number };
  /** 购买积分 (API v3): staff credit a purchase by scanning the member code; points per yuan, at most dailyCap a member a day. Off until the owner turns it on. */
  purchase: { enabled: boolean; pointsPerYuan: number; dailyCap: number };
}

export const DEFAULT_RULES: Rules = {
  checkin: { points: 5, streakDays: 7, streakBonus: 50 },
  answer: { acceptedPoints: 20, dailyCap: 5 },
  post: { minPoints: 50, maxPoints: 200, dailyCap: 3 },
  like: { points: 1, dailyCap: 10 },
  comment: { points: 1, dailyCap: 5 },
  referral: { inviterPoints: 100, inviteePoints: 20, dailyCap: 10, riskThreshold: 3 },
  expiry: { days: 365 },
  tiers: [
    { name: '铜', minPoints: 0, multiplier: 1, perks: ['签到、发帖、问答赚积分', '积分商城兑换'] },
    { name: '银', minPoints: 500, multiplier: 1, perks: ['银卡及以上专享奖品'] },
    { name: '金', minPoints: 2000, multiplier: 1, perks: ['金卡专享奖品', '优先参与活动'] },
    { name: '铂金', minPoints: 5000, multiplier: 1, perks: ['全部专享奖品', '社群荣誉身份'] },
  ],
  // New rules start where no v1 flow awards differently: lifetime tiers, multipliers 1, gifts off.
  tierRetention: { mode: 'lifetime', windowDays: 365, graceDays: 30 },
  makeUp: { cost: 20, perMonth: 2, withinDays: 7 },
  birthday: { points: 0 },
  tasks: { profile: 0, firstCheckin: 0, firstPost: 0, firstAnswer: 0, firstInvite: 0 },
  transfer: { enabled: true, minTier: '银', dailyLimit: 200, maxPerTransfer: 100, minMemberDays: 0, receiveDailyLimit: 600 },
  pool: { days: 7 },
  purchase: { enabled: false, pointsPerYuan: 1, dailyCap: 1000 },
};

/** A tier's multiplier and perks, for tiers stored before they had them. */
export const tierMultiplier = (tier: Tier): number => tier.multiplier ?? 1;
export const tierPerks = (tier: Tier): string[] => tier.perks ?? [];

export type RulesPatch = { [K in keyof Rules]?: K extends 'tiers' ? Tier[] : Partial<Rules[K]> };

/** Deep-merges a partial rules object; arrays (tiers) are replaced whole. Copies, never shares. */
export function mergeRules(base: Rules, patch: RulesPatch): Rules {
  const merged: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(patch)])) {
    const from = (base as unknown as Record<string, unknown>)[key];
    const change = (patch as Record<string, unknown>)[key];
    if (Array.isArray(change ?? from))
      merged[key] = ((change ?? from) as Tier[]).map((tier) => (tier.perks ? { ...tier, perks: [...tier.perks] } : { ...tier }));
    else merged[key] = { ...(from as object), ...(change as object) };
  }
  return merged as unknown as Rules;
}

/**
 * Stored rules completed with today's defaults: a community created before a rule existed
 * (e.g. referral.riskThreshold) reads the default for it instead of nothing.
 */
export const withDefaults = (stored: Rules): Rules => mergeRules(DEFAULT_RULES, stored as RulesPatch);

/** Invariants a schema cannot express; returns the problems in Chinese, empty when valid. */
export function rulesProblems(rules: Rules): string[] {
  const problems: string[] = [];
  if (rules.post.minPoints > rules.post.maxPoints) problems.push('帖子积分下限不能高于上限');
  const tiers = rules.tiers;
  if (tiers.length < 1) problems.push('至少需要一个等级');
  else if (tiers[0].minPoints !== 0) problems.push('第一个等级的门槛必须是 0');
  for (let i = 1; i < tiers.length; i++) {
    if (tiers[i].minPoints <= tiers[i - 1].minPoints) problems.push('等级门槛必须逐级升高');
  }
  if (new Set(tiers.map((t) => t.name)).size !== tiers.length) problems.push('等级名称不能重复');
  return problems;
}

/**
 * What an update changed, for the audit log: for each rule group, only the settings whose value
 * differs, before and after (tiers are one setting, compared whole). Empty when nothing changed.
 */
export function rulesChange(before: Rules, after: Rules): { before: RulesPatch; after: RulesPatch } {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const group of Object.keys(after) as Array<keyof Rules>) {
    const [from, to] = [before[group], after[group]] as unknown[];
    if (Array.isArray(to)) {
      if (JSON.stringify(from) !== JSON.stringify(to)) [was[group], now[group]] = [from, to];
      continue;
    }
    const old = (from ?? {}) as Record<string, unknown>;
    const changed = Object.keys(to as object).filter((setting) => old[setting] !== (to as Record<string, unknown>)[setting]);
    if (!changed.length) continue;
    was[group] = Object.fromEntries(changed.map((setting) => [setting, old[setting] ?? null]));
    now[group] = Object.fromEntries(changed.map((setting) => [setting, (to as Record<string, unknown>)[setting]]));
  }
  return { before: was as RulesPatch, after: now as RulesPatch };
}
