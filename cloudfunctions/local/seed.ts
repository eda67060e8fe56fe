import type { Deps } from '../app/context';
import { HANDLERS } from '../app/functions';
import type { FunctionName } from '../app/actions';

export const DEMO_COMMUNITY_ID = 'demo';

/** The people of the demo community; the H5 identity switcher offers them. */
export const DEMO_PEOPLE = [
  { openid: 'demo_owner', nickname: '林姐（群主）', role: 'owner' },
  { openid: 'demo_mod', nickname: '阿杰（管理员）', role: 'moderator' },
  { openid: 'demo_xiaomei', nickname: '小美', role: 'member' },
  { openid: 'demo_doudou', nickname: '豆豆妈', role: 'member' },
  { openid: 'demo_laowang', nickname: '老王', role: 'member' },
] as const;

const DAY_MS = 86_400_000;

/**
 * Seeds the demo community on first start, through the same use cases the app calls, with
 * history: check-in streaks over the last days and a couple of owner adjustments.
 */
export async function seedDemo(deps: Deps, now: Date): Promise<boolean> {
  if (await deps.store.get('communities', DEMO_COMMUNITY_ID)) return false;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
  const call = async (fn: FunctionName, openid: string, when: Date, event: Record<string, unknown>) => {
    const result = await HANDLERS[fn](event, { openid, source: null, now: when }, { ...deps, newId: () => DEMO_COMMUNITY_ID });
    if (!result.ok) throw new Error(`seeding ${fn}.${String(event.action)} failed: ${result.error.message}`);
  };
  const [owner, mod, ...members] = DEMO_PEOPLE;
  await call('community', owner.openid, at(20), { action: 'create', name: '花园宝妈互助群' });
  await call('community', owner.openid, at(20), { action: 'join', communityId: DEMO_COMMUNITY_ID, nickname: owner.nickname });
  for (const person of [mod, ...members]) {
    await call('community', person.openid, at(19), { action: 'join', communityId: DEMO_COMMUNITY_ID, nickname: person.nickname });
  }
  await call('community', owner.openid, at(19), { action: 'setRole', communityId: DEMO_COMMUNITY_ID, openid: mod.openid, role: 'moderator' });
  // History, replayed in time order so every balanceAfter reads true: 小美 has a 6-day streak
  // (the day-7 bonus is next), 豆豆妈 checks in on and off, 老王 is new.
  const history: Array<{ daysAgo: number; openid: string; fn: FunctionName; event: Record<string, unknown> }> = [];
  const checkins: Record<string, number[]> = {
    [members[0].openid]: [14, 13, 12, 11, 10, 9, 8, 6, 5, 4, 3, 2, 1],
    [members[1].openid]: [10, 7, 5, 2],
    [mod.openid]: [3, 2, 1],
  };
  for (const [openid, days] of Object.entries(checkins)) {
    for (const daysAgo of days) history.push({ daysAgo, openid, fn: 'checkin', event: { action: 'checkin', communityId: DEMO_COMMUNITY_ID } });
  }
  const adjustments: Array<[number, string, number, string]> = [
    [4.5, members[0].openid, 420, '线下活动志愿者奖励'],
    [2.5, members[1].openid, 120, '分享育儿经验被选为精华'],
  ];
  adjustments.forEach(([daysAgo, openid, delta, reason], i) =>
    history.push({
      daysAgo,
      openid: owner.openid,
      fn: 'points',
      event: { action: 'adjust', communityId: DEMO_COMMUNITY_ID, openid, delta, reason, requestId: `seed-adjust-000${i + 1}` },
    }),
  );
  history.sort((a, b) => b.daysAgo - a.daysAgo);
  for (const step of history) await call(step.fn, step.openid, at(step.daysAgo), step.event);
  return true;
}
