import * as z from 'zod';
import { dayOf, monthKey, weekKey } from '../../core/days';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import type { Query } from '../../store/port';
import { leaderboardInput } from './inputs';

/** Points earned in the period (spending never moves anyone down), from counters on the member. */
export async function leaderboard(input: z.output<typeof leaderboardInput>, caller: Caller, { store }: Deps) {
  const { community } = await requireMember(store, input.communityId, caller.openid);
  const today = dayOf(caller.now, community.timezone);
  const field = { week: 'weekEarned', month: 'monthEarned', all: 'earnedTotal' }[input.period] as 'weekEarned' | 'monthEarned' | 'earnedTotal';
  const where: Query['where'] = { communityId: input.communityId, [field]: { gt: 0 } };
  if (input.period === 'week') where.weekKey = weekKey(today);
  if (input.period === 'month') where.monthKey = monthKey(today);
  const rows = await store.find('members', { where, orderBy: [[field, 'desc']], limit: input.limit, fields: ['openid', 'nickname', field] });
  return { rows: rows.map((m) => ({ openid: m.openid, nickname: m.nickname, points: m[field] })) };
}
