import type * as z from 'zod';
import { dayOf, monthKey } from '../../core/days';
import { previousMonth } from '../../core/stats';
import type { Caller, Deps } from '../kernel/context';
import { writeNotice } from '../notices/notify';
import { rankRows } from '../points/leaderboard';
import { timeLeft } from './budget';
import { monthlyAwardsInput } from './inputs';

const COMMUNITIES = 50;
/** The top 3 ranks, ties included: a few more rows than 3 are read for the ties. */
const STAR_RANKS = 3;
const BOARD_ROWS = 20;

/**
 * 社群之星: after a month ends (in each community's time zone), its top 3 on that month's board
 * get the star_month badge — once, with a notice. The community remembers the last month it
 * awarded (`awardedMonth`, written with the badges), so the daily trigger awards each month
 * once, resumes after a cut-off, and a second run changes nothing.
 */
export async function monthlyAwards(_input: z.output<typeof monthlyAwardsInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const hasTime = timeLeft(deps);
  let communities = 0;
  let awarded = 0;
  let after = '';
  while (hasTime()) {
    const page = await store.find('communities', {
      where: { _id: { gt: after } },
      orderBy: [['_id', 'asc']],
      limit: COMMUNITIES,
      fields: ['timezone', 'awardedMonth'],
    });
    for (const community of page) {
      if (!hasTime()) return { communities, awarded, more: true };
      after = community._id;
      const month = previousMonth(monthKey(dayOf(caller.now, community.timezone)));
      if (community.awardedMonth && community.awardedMonth >= month) continue;
      awarded += await awardMonth(community._id, month);
      communities += 1;
    }
    if (page.length < COMMUNITIES) return { communities, awarded, more: false };
  }
  return { communities, awarded, more: true };

  async function awardMonth(communityId: string, month: string): Promise<number> {
    const board = await store.find('members', {
      where: { communityId, ranked: true, monthKey: month, monthEarned: { gt: 0 } },
      orderBy: [['monthEarned', 'desc']],
      limit: BOARD_ROWS,
      fields: ['openid', 'monthEarned'],
    });
    const stars = rankRows(board.map((m) => ({ id: m._id, points: m.monthEarned }))).filter((row) => row.rank <= STAR_RANKS);
    return store.transaction(async (tx) => {
      const community = await tx.get('communities', communityId);
      if (!community || (community.awardedMonth && community.awardedMonth >= month)) return 0;
      let given = 0;
      for (const star of stars) {
        const member = await tx.get('members', star.id);
        if (!member || member.badges?.star_month) continue;
        await tx.update('members', star.id, { badges: { ...member.badges, star_month: caller.now.toISOString() } });
        await writeNotice(
          tx,
          {
            communityId,
            openid: member.openid,
            kind: 'achievement',
            refId: `${star.id}:star_month`,
            title: '获得徽章「社群之星」',
            body: `${month} 月度积分榜第 ${star.rank} 名`,
            points: 0,
          },
          caller.now,
        );
        given += 1;
      }
      await tx.update('communities', communityId, { awardedMonth: month });
      return given;
    });
  }
}
