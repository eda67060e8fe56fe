import { badgesReached, tasksCompleted, TASK_NAMES, type Achiever, type Counts } from './achievements';
import { birthdayGiftYear } from './birthday';
import { campaignsFor, type PilotMember } from './pilots';
import {
  advanceChallenges,
  campaignMultiplier,
  multiplied,
  winbacksDue,
  type Campaign,
  type ChallengeProgress,
  type MultipliedAction,
} from './campaigns';
import type { Day } from './days';
import type { Rules, TaskKey } from './rules';
import { tierOf, type TierFacts } from './tiers';

/**
 * The engagement layer over the ledger, as one pure step: what an earning action also unlocks —
 * its points multiplied (tier × the best campaign), newcomer tasks, badges, the birthday gift,
 * a win-back bonus and challenge bonuses. The use case writes what this returns in the action's
 * own transaction, so each is applied once with the action or not at all.
 */
export interface EngagedMember extends Achiever, TierFacts, PilotMember {
  lastActiveDay?: string;
  challenges?: ChallengeProgress;
  winbacks?: string[];
  birthday?: string | null;
  birthdaySetOn?: Day | null;
  birthdayPaidYear?: number | null;
}

export interface EngagementContext {
  rules: Rules;
  /** The community's campaigns that are not over (upcoming ones are ignored by the rules). */
  campaigns: readonly Campaign[];
  now: Date;
  day: Day;
  timezone: string;
}

/** A bonus entry the use case posts: `key` makes its ledger id, so it exists once. */
export interface Bonus {
  kind: 'task' | 'birthday' | 'winback' | 'challenge';
  key: string;
  points: number;
  reason: string;
  refId: string | null;
  detail: Record<string, string | number>;
}

export interface Engagement {
  bonuses: Bonus[];
  changes: Partial<Pick<EngagedMember, 'counts' | 'badges' | 'tasks' | 'challenges' | 'winbacks' | 'birthdayPaidYear'>>;
  /** What to tell the member: the names of the badges, tasks and challenges just completed. */
  unlocked: { badges: string[]; tasks: string[]; challenges: string[] };
}

/** An action's own points, multiplied by the member's tier and the best active campaign for it. */
export function actionPoints(member: TierFacts & PilotMember, action: MultipliedAction, base: number, ctx: EngagementContext) {
  const tier = tierOf(member, ctx.rules, ctx.day);
  return multiplied(base, tier.multiplier, campaignMultiplier(campaignsFor(ctx.campaigns, member), action, ctx.now, ctx.timezone));
}

export interface EarningEvent {
  /** Counts the action adds (an approved post: {posts: 1}). */
  gains: Partial<Counts>;
  /** The points the action itself posted, after multiplying (they count toward a points challenge). */
  earned: number;
  /** A check-in: the streak it made, and it may pay the birthday gift and win-backs. */
  checkin?: { streak: number };
  /** The profile now has a nickname and an avatar. */
  profileSet?: boolean;
}

export function engage(member: EngagedMember, event: EarningEvent, ctx: EngagementContext): Engagement {
  const at = ctx.now.toISOString();
  const counts = { ...member.counts } as Partial<Counts>;
  for (const [key, gain] of Object.entries(event.gains) as Array<[keyof Counts, number]>) counts[key] = (counts[key] ?? 0) + gain;
  const after: EngagedMember = { ...member, counts, streak: event.checkin?.streak ?? member.streak };

  const bonuses: Bonus[] = [];
  const changes: Engagement['changes'] = Object.keys(event.gains).length ? { counts } : {};

  const tasks = tasksCompleted({ ...after, profileSet: event.profileSet });
  if (tasks.length) {
    changes.tasks = { ...member.tasks, ...Object.fromEntries(tasks.map((task) => [task, at])) } as Record<TaskKey, string>;
    for (const task of tasks) {
      bonuses.push({
        kind: 'task',
        key: task,
        points: ctx.rules.tasks[task],
        reason: `新手任务：${TASK_NAMES[task]}`,
        refId: null,
        detail: { task },
      });
    }
  }

  const badges = badgesReached(after);
  if (badges.length) changes.badges = { ...member.badges, ...Object.fromEntries(badges.map((b) => [b.key, at])) };

  if (event.checkin) {
    const year = ctx.rules.birthday.points > 0 ? birthdayGiftYear(member, ctx.day) : null;
    if (year !== null) {
      bonuses.push({
        kind: 'birthday',
        key: String(year),
        points: ctx.rules.birthday.points,
        reason: '生日礼',
        refId: null,
        detail: { year },
      });
      changes.birthdayPaidYear = year;
    }
    const winbacks = winbacksDue(campaignsFor(ctx.campaigns, member), member.lastActiveDay, member.winbacks, ctx.day, ctx.now);
    if (winbacks.length) {
      const live = new Set(ctx.campaigns.map((c) => c.id));
      changes.winbacks = [...(member.winbacks ?? []).filter((id) => live.has(id)), ...winbacks.map((c) => c.id)];
      for (const c of winbacks)
        bonuses.push({
          kind: 'winback',
          key: c.id,
          points: c.bonusPoints,
          reason: `回归礼：${c.name}`,
          refId: c.id,
          detail: { campaignId: c.id },
        });
    }
  }

  const points = event.earned + bonuses.reduce((sum, b) => sum + b.points, 0);
  const metrics = { checkins: event.gains.checkins ?? 0, posts: event.gains.posts ?? 0, answers: event.gains.answers ?? 0, points };
  const challenges = advanceChallenges(member.challenges, campaignsFor(ctx.campaigns, member), metrics, ctx.now);
  // Written only when progress moved or dropped a challenge no longer live: most actions touch none.
  if (JSON.stringify(challenges.progress) !== JSON.stringify(member.challenges ?? {})) changes.challenges = challenges.progress;
  for (const c of challenges.reached) {
    bonuses.push({
      kind: 'challenge',
      key: c.id,
      points: c.bonusPoints,
      reason: `挑战完成：${c.name}`,
      refId: c.id,
      detail: { campaignId: c.id },
    });
  }

  return {
    bonuses,
    changes,
    unlocked: {
      badges: badges.map((b) => b.name),
      tasks: tasks.map((t) => TASK_NAMES[t]),
      challenges: challenges.reached.map((c) => c.name),
    },
  };
}
