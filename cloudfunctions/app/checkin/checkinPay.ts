import { rulesFor } from '../../core/campaigns';
import { actionPoints, type EngagementContext } from '../../core/engagement';
import type { PilotMember } from '../../core/pilots';
import { streakAfterCheckin, streakBonus, type StreakState } from '../../core/streak';
import type { TierFacts } from '../../core/tiers';

/**
 * What checking in today pays this member: the day's points (their tier's and any campaign's
 * multiplier, a rules pilot's numbers if they are in one) and the streak bonus when today
 * completes a streak. The check-in pays exactly this, and the home page's button says it first.
 */
export function checkinPay(member: TierFacts & PilotMember & StreakState, ctx: EngagementContext) {
  const rule = rulesFor(ctx.rules, ctx.campaigns, member, ctx.now).checkin;
  const streak = streakAfterCheckin(member, ctx.day);
  return { streak, bonus: streakBonus(streak, rule), daily: actionPoints(member, 'checkin', rule.points, ctx) };
}
