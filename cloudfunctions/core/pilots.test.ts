import { campaignsFor, enrolledIn, groupView, inPilot, pilotBucket, pilotWindow, PILOTS_KEPT, trailSums } from './pilots';
import { postAll, emptyAccount, SPENT_DAYS_KEPT } from './ledger';
import { addDays } from './days';

describe('pilots', () => {
  it('put a stable share of members in a pilot, a different share per campaign', () => {
    const members = Array.from({ length: 10_000 }, (_, i) => `o_${i}`);
    const inTen = members.filter((openid) => inPilot('camp1', { share: 10, segment: null }, { openid }));
    expect(inTen.length).toBeGreaterThan(900);
    expect(inTen.length).toBeLessThan(1100);
    // The same members every time; a larger share keeps them in.
    expect(members.filter((openid) => inPilot('camp1', { share: 10, segment: null }, { openid }))).toEqual(inTen);
    expect(inTen.every((openid) => inPilot('camp1', { share: 50, segment: null }, { openid }))).toBe(true);
    const other = members.filter((openid) => inPilot('camp2', { share: 10, segment: null }, { openid }));
    expect(other.filter((openid) => inTen.includes(openid)).length).toBeLessThan(200);
    expect(pilotBucket('camp1', 'o_1')).toBe(pilotBucket('camp1', 'o_1'));
  });

  it('a segment pilot holds whom it enrolled; campaigns without a pilot apply to all', () => {
    const campaigns = [{ id: 'all' }, { id: 'seg', pilot: { share: null, segment: 'dormant' as const } }];
    expect(campaignsFor(campaigns, { openid: 'o_a' }).map((c) => c.id)).toEqual(['all']);
    expect(campaignsFor(campaigns, { openid: 'o_a', pilots: ['seg'] }).map((c) => c.id)).toEqual(['all', 'seg']);
    const many = Array.from({ length: PILOTS_KEPT + 3 }, (_, i) => `c${i}`).reduce<string[]>((kept, id) => enrolledIn(kept, id), []);
    expect(many).toHaveLength(PILOTS_KEPT);
    expect(enrolledIn(many, 'c5').at(-1)).toBe('c5');
  });

  it('compares the window day by day: active days, earned, spent, and who stayed from the first week to the last', () => {
    const window = pilotWindow(
      { startsAt: '2026-06-01T00:00:00+08:00', endsAt: '2026-06-21T00:00:00+08:00' },
      new Date('2026-07-01T00:00:00Z'),
      'Asia/Shanghai',
    )!;
    expect(window).toEqual({ from: '2026-06-01', to: '2026-06-20', edge: 7 });
    const stayed = trailSums(
      {
        openid: 'a',
        checkinMonths: { '2026-06': 0b1 | (1 << 19) },
        recentEarned: { '2026-06-01': 5, '2026-05-31': 100 },
        recentSpent: { '2026-06-10': 40 },
      },
      window,
    );
    expect(stayed).toEqual({ members: 1, activeDays: 3, earned: 5, spent: 40, startedActive: 1, retained: 1 });
    const left = trailSums({ openid: 'b', recentEarned: { '2026-06-02': 10 } }, window);
    expect(left).toMatchObject({ activeDays: 1, startedActive: 1, retained: 0 });
    expect(groupView({ members: 3, activeDays: 4, earned: 15, spent: 40, startedActive: 2, retained: 1 })).toEqual({
      members: 3,
      activeDays: 1.3,
      earned: 5,
      spent: 13.3,
      retention: 0.5,
    });
    expect(
      pilotWindow({ startsAt: '2026-08-01T00:00:00Z', endsAt: '2026-08-02T00:00:00Z' }, new Date('2026-07-01T00:00:00Z'), 'UTC'),
    ).toBeNull();
  });

  it('the ledger keeps points spent per day, for the last SPENT_DAYS_KEPT days only', () => {
    const at = (day: string) => ({ now: new Date(`${day}T02:00:00Z`), day, timezone: 'Asia/Shanghai', expiryDays: 365 });
    let account = postAll(emptyAccount(), [{ id: 'e', kind: 'earn', delta: 500, reason: '', refId: null }], at('2026-01-01')).account;
    expect(account.recentSpent).toBeUndefined();
    account = postAll(
      account,
      [
        { id: 's1', kind: 'spend', delta: -30, reason: '', refId: null },
        { id: 's2', kind: 'spend', delta: -20, reason: '', refId: null },
      ],
      at('2026-01-02'),
    ).account;
    expect(account.recentSpent).toEqual({ '2026-01-02': 50 });
    account = postAll(
      account,
      [{ id: 's3', kind: 'spend', delta: -10, reason: '', refId: null }],
      at(addDays('2026-01-02', SPENT_DAYS_KEPT)),
    ).account;
    expect(account.recentSpent).toEqual({ [addDays('2026-01-02', SPENT_DAYS_KEPT)]: 10 });
  });
});
