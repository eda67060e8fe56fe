/** A community's points rules. Defaults follow the product research (../shared/seeds). */
export interface Tier {
  name: string;
  minPoints: number;
}

export interface Rules {
  checkin: { points: number; streakDays: number; streakBonus: number };
  answer: { acceptedPoints: number; dailyCap: number };
  post: { minPoints: number; maxPoints: number; dailyCap: number };
  like: { points: number; dailyCap: number };
  /** riskThreshold: a newcomer whose WeChat risk rank (0–4) is at least this earns no referral reward. */
  referral: { inviterPoints: number; inviteePoints: number; dailyCap: number; riskThreshold: number };
  expiry: { days: number };
  tiers: Tier[];
}

export const DEFAULT_RULES: Rules = {
  checkin: { points: 5, streakDays: 7, streakBonus: 50 },
  answer: { acceptedPoints: 20, dailyCap: 5 },
  post: { minPoints: 50, maxPoints: 200, dailyCap: 3 },
  like: { points: 1, dailyCap: 10 },
  referral: { inviterPoints: 100, inviteePoints: 20, dailyCap: 10, riskThreshold: 3 },
  expiry: { days: 365 },
  tiers: [
    { name: '铜', minPoints: 0 },
    { name: '银', minPoints: 500 },
    { name: '金', minPoints: 2000 },
    { name: '铂金', minPoints: 5000 },
  ],
};

export type RulesPatch = { [K in keyof Rules]?: K extends 'tiers' ? Tier[] : Partial<Rules[K]> };

/** Deep-merges a partial rules object; arrays (tiers) are replaced whole. Copies, never shares. */
export function mergeRules(base: Rules, patch: RulesPatch): Rules {
  const merged: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(patch)])) {
    const from = (base as unknown as Record<string, unknown>)[key];
    const change = (patch as Record<string, unknown>)[key];
    if (Array.isArray(change ?? from)) merged[key] = ((change ?? from) as object[]).map((item) => ({ ...item }));
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
