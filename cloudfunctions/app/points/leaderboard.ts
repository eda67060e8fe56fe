import { wornNow } from '../../core/wearables';
import * as z from 'zod';
import { dayOf, monthKey, weekKey } from '../../core/days';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import type { Query } from '../../store/port';
import type { MemberDoc } from '../community/documents';
import { leaderboardInput } from './inputs';

type BoardField = 'weekEarned' | 'monthEarned' | 'earnedTotal';

/**
 * How many are ahead of a score on a board, as counted in the last few seconds. A count walks
 * the index over everyone ahead (85,000 entries for a member with no points this week in a
 * 100,000-member community), and the members viewing a board at once hold few distinct scores,
 * so one count serves them all, racing requests included (the promise is shared); a rank may lag
 * the board by RANK_FRESH_MS.
 */
const RANK_FRESH_MS = 10_000;
const aheadCounts = new Map<string, { countedAt: number; ahead: Promise<number> }>();
function countAhead(key: string, now: Date, count: () => Promise<number>): Promise<number> {
  const known = aheadCounts.get(key);
  if (known && now.getTime() - known.countedAt < RANK_FRESH_MS && now.getTime() >= known.countedAt) return known.ahead;
  if (aheadCounts.size >= 10_000) aheadCounts.clear();
  const ahead = count();
  aheadCounts.set(key, { countedAt: now.getTime(), ahead });
  // A failed count is not remembered.
  ahead.catch(() => aheadCounts.delete(key));
  return ahead;
}

/**
 * Points earned in the period (spending never moves anyone down), from counters on the member.
 * Only ranked members appear: plain members who have not hidden themselves (staff run the
 * board, they do not compete). Ties share a rank (1, 2, 2, 4); my rank is one count away.
 */
export async function leaderboard(input: z.output<typeof leaderboardInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, input.communityId, caller.openid);
  const today = dayOf(caller.now, community.timezone);
  const field = { week: 'weekEarned', month: 'monthEarned', all: 'earnedTotal' }[input.period] as BoardField;
  const board: Query<MemberDoc>['where'] = { communityId: input.communityId, ranked: true };
  if (input.period === 'week') board.weekKey = weekKey(today);
  if (input.period === 'month') board.monthKey = monthKey(today);
  const rows = await store.find('members', {
    where: { ...board, [field]: { gt: 0 } },
    orderBy: [[field, 'desc']],
    limit: input.limit,
    fields: ['openid', 'nickname', 'avatar', 'wardrobe', 'wearing', field],
  });
  const ranked = rankRows(
    rows.map((m) => ({ openid: m.openid, nickname: m.nickname, avatar: m.avatar ?? null, worn: wornNow(m, caller.now), points: m[field] })),
  );
  return { rows: ranked, me: member.ranked ? await myPlace(member, field, input.period, today) : null };

  async function myPlace(me: Pick<MemberDoc, BoardField | 'weekKey' | 'monthKey' | 'openid'>, f: BoardField, period: string, day: string) {
    const current = (period === 'week' && me.weekKey !== weekKey(day)) || (period === 'month' && me.monthKey !== monthKey(day)) ? 0 : me[f];
    const listed = ranked.find((row) => row.openid === me.openid);
    if (listed) return { rank: listed.rank, points: listed.points };
    const boardKey = `${input.communityId}|${period}|${board.weekKey ?? board.monthKey ?? ''}|${current}`;
    const ahead = await countAhead(boardKey, caller.now, () => store.count('members', { ...board, [f]: { gt: current } }));
    return { rank: ahead + 1, points: current };
  }
}

/** Competition ranking: equal points, equal rank; the next rank skips the tied places. */
export function rankRows<T extends { points: number }>(rows: T[]): Array<T & { rank: number }> {
  let rank = 0;
  return rows.map((row, i) => {
    if (i === 0 || row.points !== rows[i - 1].points) rank = i + 1;
    return { ...row, rank };
  });
}
