import { daysBetween, dayOf, type Day } from './days';
import { campaignsFor, type Pilot, type PilotMember } from './pilots';
import { mergeRules, type Rules } from './rules';

/** The actions a multiplier campaign can multiply. Referral rewards and adjustments never are. */
export const MULTIPLIED_ACTIONS = ['checkin', 'post', 'answer', 'like'] as const;
export type MultipliedAction = (typeof MULTIPLIED_ACTIONS)[number];

export type ChallengeMetric = 'checkins' | 'points' | 'posts' | 'answers';

interface CampaignBase {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  /** 试点: only a share of members, or a segment as it stood at creation (core/pilots.ts); absent: everyone. */
  pilot?: Pilot | null;
}

/** 积分翻倍: the actions' points multiplied while active; with monthDay, only on that day of the month (会员日). */
export interface MultiplierCampaign extends CampaignBase {
  kind: 'multiplier';
  actions: MultipliedAction[];
  multiplier: number;
  monthDay?: number | null;
}

/** 积分挑战赛: reach the target inside the window, get bonusPoints once. */
export interface ChallengeCampaign extends CampaignBase {
  kind: 'challenge';
  metric: ChallengeMetric;
  target: number;
  bonusPoints: number;
}

/** 回归礼: a member back after inactiveDays gets bonusPoints once, on that check-in. */
export interface WinbackCampaign extends CampaignBase {
  kind: 'winback';
  inactiveDays: number;
  bonusPoints: number;
}

/** The earning numbers a rules campaign may change: what a member is paid for checking in, a streak, an accepted answer, a like. */
export interface EarningRulesPatch {
  checkin?: { points?: number; streakBonus?: number };
  answer?: { acceptedPoints?: number };
  like?: { points?: number };
}

/**
 * 规则试点: while active, these earning rules replace the community's for the members it applies
 * to — a rule change tried on a share of members (or a segment) before it is made for everyone.
 */
export interface RulesCampaign extends CampaignBase {
  kind: 'rules';
  rules: EarningRulesPatch;
}

export type Campaign = MultiplierCampaign | ChallengeCampaign | WinbackCampaign | RulesCampaign;
export type CampaignStatus = 'upcoming' | 'active' | 'ended';

export function campaignStatus(campaign: Pick<Campaign, 'startsAt' | 'endsAt'>, now: Date): CampaignStatus {
  if (now.getTime() < Date.parse(campaign.startsAt)) return 'upcoming';
  return now.getTime() < Date.parse(campaign.endsAt) ? 'active' : 'ended';
}

const activeOf = <K extends Campaign['kind']>(campaigns: readonly Campaign[], kind: K, now: Date) =>
  campaigns.filter((c): c is Extract<Campaign, { kind: K }> => c.kind === kind && campaignStatus(c, now) === 'active');

/** The highest multiplier active now for the action (a 会员日 campaign only on its day of the month), or none. */
export function campaignMultiplier(
  campaigns: readonly Campaign[],
  action: MultipliedAction,
  now: Date,
  timezone: string,
): { multiplier: number; campaignId: string | null } {
  const dayOfMonth = Number(dayOf(now, timezone).slice(8, 10));
  let best: { multiplier: number; campaignId: string | null } = { multiplier: 1, campaignId: null };
  for (const c of activeOf(campaigns, 'multiplier', now)) {
    if (!c.actions.includes(action) || (c.monthDay != null && c.monthDay !== dayOfMonth)) continue;
    if (c.multiplier > best.multiplier) best = { multiplier: c.multiplier, campaignId: c.id };
  }
  return best;
}

/** The rules a member earns by now: the community's, with every active rules campaign that applies to them over it (oldest first). */
export function rulesFor(rules: Rules, campaigns: readonly Campaign[], member: PilotMember, now: Date): Rules {
  const changes = campaignsFor(activeOf(campaigns, 'rules', now), member).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return changes.reduce<Rules>((merged, c) => mergeRules(merged, c.rules), rules);
}

/**
 * points = floor(base × tier multiplier × campaign multiplier), with the why kept on the entry.
 * Rounded at 2 decimals first so that 10 × 1.1 is 11, not 10 (floating point says 11.000000000000002, or worse 10.99…).
 */
export function multiplied(base: number, tierMultiplier: number, campaign: { multiplier: number; campaignId: string | null }) {
  const multiplier = Math.round(tierMultiplier * campaign.multiplier * 100) / 100;
  const points = Math.floor(Math.round(base * multiplier * 100) / 100);
  const detail = multiplier === 1 ? undefined : { base, multiplier, ...(campaign.campaignId ? { campaignId: campaign.campaignId } : {}) };
  return { points, detail };
}

export type ChallengeProgress = Record<string, { current: number; doneAt?: string }>;

/** What an action adds to each challenge metric. */
export type MetricGains = Partial<Record<ChallengeMetric, number>>;

/**
 * Challenges after an action: progress moves for every active challenge the action counts for,
 * and each that reaches its target now is returned (it pays once: `doneAt` is then set). Progress
 * of challenges no longer live is dropped, so the member document stays small.
 */
export function advanceChallenges(
  progress: ChallengeProgress | undefined,
  live: readonly Campaign[],
  gains: MetricGains,
  now: Date,
): { progress: ChallengeProgress; reached: ChallengeCampaign[] } {
  const liveIds = new Set(live.map((c) => c.id));
  const next: ChallengeProgress = Object.fromEntries(Object.entries(progress ?? {}).filter(([id]) => liveIds.has(id)));
  const reached: ChallengeCampaign[] = [];
  for (const c of activeOf(live, 'challenge', now)) {
    const gain = gains[c.metric] ?? 0;
    if (gain <= 0) continue;
    const before = next[c.id] ?? { current: 0 };
    if (before.doneAt) continue;
    const current = before.current + gain;
    const done = current >= c.target;
    next[c.id] = done ? { current, doneAt: now.toISOString() } : { current };
    if (done) reached.push(c);
  }
  return { progress: next, reached };
}

/** The win-back campaigns a check-in today pays: the member was last active inactiveDays ago or more, and has not been paid by it. */
export function winbacksDue(
  live: readonly Campaign[],
  lastActiveDay: Day | null | undefined,
  paid: readonly string[] | undefined,
  today: Day,
  now: Date,
): WinbackCampaign[] {
  if (!lastActiveDay) return [];
  const away = daysBetween(lastActiveDay, today);
  return activeOf(live, 'winback', now).filter((c) => away >= c.inactiveDays && !paid?.includes(c.id));
}
