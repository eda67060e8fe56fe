import type { Campaign } from './campaigns';
import { actionPoints, engage, type EngagedMember, type EngagementContext } from './engagement';
import { DEFAULT_RULES, mergeRules } from './rules';

const window = { startsAt: '2026-06-01T00:00:00+08:00', endsAt: '2026-06-30T00:00:00+08:00' };
const campaigns: Campaign[] = [
  { id: 'double', kind: 'multiplier', name: '双倍', actions: ['checkin'], multiplier: 2, ...window },
  { id: 'three', kind: 'challenge', name: '三连', metric: 'checkins', target: 3, bonusPoints: 100, ...window },
  { id: 'pts', kind: 'challenge', name: '百分', metric: 'points', target: 100, bonusPoints: 5, ...window },
  { id: 'back', kind: 'winback', name: '回归礼', inactiveDays: 14, bonusPoints: 30, ...window },
];
const rules = mergeRules(DEFAULT_RULES, {
  tasks: { profile: 10, firstCheckin: 10, firstPost: 20, firstAnswer: 10, firstInvite: 20 },
  birthday: { points: 50 },
  tiers: [
    { name: '铜', minPoints: 0 },
    { name: '银', minPoints: 500, multiplier: 1.5 },
  ],
});
const ctx = (over: Partial<EngagementContext> = {}): EngagementContext => ({
  rules,
  campaigns,
  now: new Date('2026-06-15T02:00:00Z'),
  day: '2026-06-15',
  timezone: 'Asia/Shanghai',
  ...over,
});
const member = (over: Partial<EngagedMember> = {}): EngagedMember => ({ openid: 'o_m', earnedTotal: 0, streak: 0, ...over });

describe('engagement', () => {
  it('multiplies an action by tier and campaign; adjustments and referrals are never passed through it', () => {
    expect(actionPoints(member(), 'checkin', 5, ctx())).toEqual({ points: 10, detail: { base: 5, multiplier: 2, campaignId: 'double' } });
    expect(actionPoints(member({ earnedTotal: 600 }), 'checkin', 5, ctx())).toEqual({
      points: 15,
      detail: { base: 5, multiplier: 3, campaignId: 'double' },
    });
    expect(actionPoints(member({ earnedTotal: 600 }), 'post', 50, ctx())).toEqual({ points: 75, detail: { base: 50, multiplier: 1.5 } });
    expect(actionPoints(member(), 'post', 50, ctx({ rules: DEFAULT_RULES, campaigns: [] }))).toEqual({ points: 50, detail: undefined });
  });

  it("a newcomer's first check-in: the task, the badge, challenge progress — each once", () => {
    const first = engage(member(), { gains: { checkins: 1 }, earned: 10, checkin: { streak: 1 } }, ctx());
    expect(first.bonuses.map((b) => [b.kind, b.key, b.points])).toEqual([['task', 'firstCheckin', 10]]);
    expect(first.unlocked).toEqual({ badges: ['初来乍到'], tasks: ['完成第一次签到'], challenges: [] });
    expect(first.changes.counts).toEqual({ checkins: 1 });
    expect(first.changes.challenges).toEqual({ three: { current: 1 }, pts: { current: 20 } });

    const again = engage(
      { ...member(), ...first.changes, streak: 1 },
      { gains: { checkins: 1 }, earned: 10, checkin: { streak: 2 } },
      ctx(),
    );
    expect(again.bonuses).toEqual([]);
    expect(again.unlocked.badges).toEqual([]);
  });

  it('pays a challenge in the action that reaches it, and the points challenge counts the bonuses of the same action', () => {
    const near = member({
      counts: { checkins: 2 },
      tasks: { firstCheckin: 't' },
      badges: { first_checkin: 't' },
      challenges: { three: { current: 2 }, pts: { current: 80 } },
    });
    const reached = engage(near, { gains: { checkins: 1 }, earned: 10, checkin: { streak: 3 } }, ctx());
    expect(reached.bonuses.map((b) => [b.kind, b.key, b.points])).toEqual([['challenge', 'three', 100]]);
    expect(reached.changes.challenges?.three.doneAt).toBeDefined();
    expect(reached.changes.challenges?.pts).toEqual({ current: 90 });
  });

  it('the birthday gift and the win-back ride on the check-in only', () => {
    const away = member({
      birthday: '06-15',
      birthdaySetOn: '2026-01-01',
      lastActiveDay: '2026-05-20',
      counts: { checkins: 5 },
      tasks: { firstCheckin: 't' },
      badges: { first_checkin: 't' },
    });
    const back = engage(away, { gains: { checkins: 1 }, earned: 10, checkin: { streak: 1 } }, ctx());
    expect(back.bonuses.map((b) => [b.kind, b.key, b.points])).toEqual([
      ['birthday', '2026', 50],
      ['winback', 'back', 30],
    ]);
    expect(back.changes).toMatchObject({ birthdayPaidYear: 2026, winbacks: ['back'] });
    // 10 + 50 + 30 earned by this check-in count toward the points challenge (no more).
    expect(back.changes.challenges?.pts).toEqual({ current: 90 });
    expect(engage(away, { gains: { posts: 1 }, earned: 50 }, ctx()).bonuses.map((b) => b.kind)).toEqual(['task']);
    // The next day: no second gift or win-back; its 10 points complete the points challenge.
    expect(
      engage({ ...away, ...back.changes }, { gains: { checkins: 1 }, earned: 10, checkin: { streak: 2 } }, ctx()).bonuses.map((b) => b.key),
    ).toEqual(['pts']);
  });

  it('with the default rules nothing pays beyond v1', () => {
    const plain = engage(
      member({ birthday: '06-15' }),
      { gains: { checkins: 1 }, earned: 5, checkin: { streak: 1 } },
      ctx({ rules: DEFAULT_RULES, campaigns: [] }),
    );
    expect(plain.bonuses.filter((b) => b.points > 0)).toEqual([]);
  });
});
