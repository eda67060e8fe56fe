import { wardrobeView, wornNow } from '../../core/wearables';
import type * as z from 'zod';
import { rulesFor } from '../../core/campaigns';
import { dayOf } from '../../core/days';
import { expiringSoon } from '../../core/ledger';
import { checkedInOn, checkinsToNextBonus, currentStreak } from '../../core/streak';
import { tierOf } from '../../core/tiers';
import type { Caller, Deps } from '../kernel/context';
import { myTierFacts, requireMember } from '../kernel/access';
import { getMyPointsInput } from './inputs';
import { checkinPay } from '../checkin/checkinPay';
import { engagementContext } from '../kernel/engagement';

/** Everything the home page shows at a glance: points, tier, streak, today, what expires soon. */
export async function getMyPoints({ communityId }: z.output<typeof getMyPointsInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, communityId, caller.openid);
  const today = dayOf(caller.now, community.timezone);
  const streak = currentStreak(member, today);
  const checkedInToday = checkedInOn(member, today);
  const { streakDays, streakBonus } = rulesFor(community.rules, community.campaigns ?? [], member, caller.now).checkin;
  const tierFacts = await myTierFacts(store, community, member);
  const { name, nextName, nextMinPoints, points, multiplier, perks, keep } = tierOf(tierFacts, community.rules, today);
  // What the button says before it is tapped: exactly what checking in pays today.
  const pay = checkedInToday ? null : checkinPay({ ...member, ...tierFacts }, engagementContext(community, caller.now, today));
  return {
    balance: member.balance,
    earnedTotal: member.earnedTotal,
    tier: { name, nextName, nextMinPoints, points, multiplier, perks, keep },
    streak,
    checkedInToday,
    expiring: expiringSoon(member, caller.now),
    nickname: member.nickname,
    avatar: member.avatar ?? null,
    birthday: member.birthday ?? null,
    hideFromLeaderboard: Boolean(member.hideFromLeaderboard),
    role: member.role,
    openid: member.openid,
    today,
    streakDays,
    nextBonusIn: checkinsToNextBonus(streak, checkedInToday, streakDays),
    streakBonus,
    checkinPays: pay && { points: pay.daily.points, bonus: pay.bonus, multiplier: pay.daily.detail?.multiplier ?? null },
    worn: wornNow(member, caller.now),
    wardrobe: wardrobeView(member, caller.now),
  };
}
