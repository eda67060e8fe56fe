import { communityWithMembers, eachStore, type Harness } from '../../testing/harness';

/** #28 item 2: the check-in button says what a check-in pays today — tier, campaigns, the streak bonus — and the check-in pays exactly that. */
const day = (n: number) => `2026-06-${String(n).padStart(2, '0')}T02:00:00Z`;
const owner = (now: string) => ({ openid: 'o_owner', now });

eachStore((open) => {
  let h: Harness;
  let c: string;
  beforeEach(async () => {
    h = open();
    c = await communityWithMembers(h, day(1));
    await h.ok(
      'community',
      'updateRules',
      {
        communityId: c,
        rules: {
          checkin: { points: 5, streakDays: 3, streakBonus: 20 },
          tiers: [
            { name: '铜', minPoints: 0 },
            { name: '银', minPoints: 100, multiplier: 1.5 },
          ],
        },
      },
      owner(day(1)),
    );
  });
  const me = (n: number) => h.ok('points', 'me', { communityId: c }, { openid: 'o_alice', now: day(n) });
  const checkIn = (n: number) => h.ok('checkin', 'checkin', { communityId: c }, { openid: 'o_alice', now: day(n) });

  it('says before the tap what the tap then pays, day after day, and nothing once checked in', async () => {
    expect((await me(2)).checkinPays).toEqual({ points: 5, bonus: 0, multiplier: null });
    // A double-points week for check-ins, from day 3.
    await h.ok(
      'campaigns',
      'upsert',
      {
        communityId: c,
        campaign: { kind: 'multiplier', name: '签到双倍', actions: ['checkin'], multiplier: 2, startsAt: day(3), endsAt: day(9) },
      },
      owner(day(2)),
    );
    const said3: unknown[] = [];
    for (const n of [2, 3, 4]) {
      const said = (await me(n)).checkinPays;
      said3.push(said);
      const paid = await checkIn(n);
      expect({ n, said }).toEqual({ n, said: { points: paid.awarded, bonus: paid.bonus, multiplier: paid.multiplier ?? null } });
      expect((await me(n)).checkinPays).toBeNull();
    }
    expect(said3).toEqual([
      { points: 5, bonus: 0, multiplier: null },
      { points: 10, bonus: 0, multiplier: 2 },
      { points: 10, bonus: 20, multiplier: 2 },
    ]);
    // Day 4 was the third in a row: the bonus was said and paid. Silver now (135 earned): ×1.5 on top of the campaign's ×2.
    await h.ok(
      'points',
      'adjust',
      { communityId: c, openid: 'o_alice', delta: 100, reason: '活动', requestId: 'pays-adjust-1' },
      owner(day(4)),
    );
    expect((await me(5)).checkinPays).toEqual({ points: 15, bonus: 0, multiplier: 3 });
    expect((await checkIn(5)).awarded).toBe(15);
  });
});
