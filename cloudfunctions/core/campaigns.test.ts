import fc from 'fast-check';
import { advanceChallenges, campaignMultiplier, campaignStatus, multiplied, winbacksDue, type Campaign } from './campaigns';

const window = { startsAt: '2026-06-01T00:00:00+08:00', endsAt: '2026-06-30T00:00:00+08:00' };
const double: Campaign = { id: 'd', kind: 'multiplier', name: '双倍', actions: ['checkin', 'post'], multiplier: 2, ...window };
const memberDay: Campaign = { id: 'm', kind: 'multiplier', name: '会员日', actions: ['checkin'], multiplier: 3, monthDay: 8, ...window };
const challenge: Campaign = { id: 'c', kind: 'challenge', name: '签到挑战', metric: 'checkins', target: 3, bonusPoints: 100, ...window };
const winback: Campaign = { id: 'w', kind: 'winback', name: '回归', inactiveDays: 14, bonusPoints: 30, ...window };

describe('campaigns', () => {
  it('is upcoming, active and ended by its window (end excluded)', () => {
    expect(campaignStatus(double, new Date('2026-05-31T15:59:59Z'))).toBe('upcoming');
    expect(campaignStatus(double, new Date('2026-05-31T16:00:00Z'))).toBe('active');
    expect(campaignStatus(double, new Date('2026-06-29T16:00:00Z'))).toBe('ended');
  });

  it('takes the highest active multiplier for the action; 会员日 only on its day of the month, by the community clock', () => {
    const tz = 'Asia/Shanghai';
    expect(campaignMultiplier([double, memberDay], 'checkin', new Date('2026-06-07T15:59:59Z'), tz)).toEqual({
      multiplier: 2,
      campaignId: 'd',
    });
    // 16:00Z on the 7th is the 8th in Shanghai: 会员日.
    expect(campaignMultiplier([double, memberDay], 'checkin', new Date('2026-06-07T16:00:00Z'), tz)).toEqual({
      multiplier: 3,
      campaignId: 'm',
    });
    expect(campaignMultiplier([double, memberDay], 'checkin', new Date('2026-06-08T16:00:00Z'), tz)).toEqual({
      multiplier: 2,
      campaignId: 'd',
    });
    expect(campaignMultiplier([double, memberDay], 'like', new Date('2026-06-08T04:00:00Z'), tz)).toEqual({
      multiplier: 1,
      campaignId: null,
    });
    expect(campaignMultiplier([double], 'post', new Date('2026-07-01T04:00:00Z'), tz)).toEqual({ multiplier: 1, campaignId: null });
  });

  it('multiplies base × tier × campaign and floors, keeping why', () => {
    expect(multiplied(5, 1, { multiplier: 2, campaignId: 'd' })).toEqual({
      points: 10,
      detail: { base: 5, multiplier: 2, campaignId: 'd' },
    });
    expect(multiplied(10, 1.1, { multiplier: 1, campaignId: null })).toEqual({ points: 11, detail: { base: 10, multiplier: 1.1 } });
    expect(multiplied(5, 1.5, { multiplier: 1.5, campaignId: 'x' })).toEqual({
      points: 11,
      detail: { base: 5, multiplier: 2.25, campaignId: 'x' },
    });
    expect(multiplied(7, 1, { multiplier: 1, campaignId: null })).toEqual({ points: 7, detail: undefined });
  });

  it('property: a multiplied award is never below the base nor above base × 15', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 10, max: 30 }),
        fc.integer({ min: 10, max: 50 }),
        (base, tier, campaign) => {
          const { points } = multiplied(base, tier / 10, { multiplier: campaign / 10, campaignId: null });
          expect(Number.isInteger(points)).toBe(true);
          expect(points).toBeGreaterThanOrEqual(base);
          expect(points).toBeLessThanOrEqual(base * 15);
        },
      ),
    );
  });

  it('advances a challenge and reports it reached once', () => {
    const now = new Date('2026-06-10T04:00:00Z');
    let state = advanceChallenges(undefined, [challenge], { checkins: 1 }, now);
    expect(state).toEqual({ progress: { c: { current: 1 } }, reached: [] });
    state = advanceChallenges(state.progress, [challenge], { checkins: 2 }, now);
    expect(state.reached.map((c) => c.id)).toEqual(['c']);
    expect(state.progress.c).toEqual({ current: 3, doneAt: now.toISOString() });
    expect(advanceChallenges(state.progress, [challenge], { checkins: 1 }, now).reached).toEqual([]);
    expect(advanceChallenges(state.progress, [challenge], { points: 50 }, now).progress.c.current).toBe(3);
    // Progress of a challenge no longer live is dropped.
    expect(advanceChallenges(state.progress, [], { checkins: 1 }, now).progress).toEqual({});
    // Outside its window, nothing moves.
    expect(advanceChallenges(undefined, [challenge], { checkins: 5 }, new Date('2026-07-01T00:00:00Z')).progress).toEqual({});
  });

  it('pays a win-back to a member away inactiveDays or more, once per campaign', () => {
    const now = new Date('2026-06-20T04:00:00Z');
    expect(winbacksDue([winback], '2026-06-06', [], '2026-06-20', now).map((c) => c.id)).toEqual(['w']);
    expect(winbacksDue([winback], '2026-06-07', [], '2026-06-20', now)).toEqual([]);
    expect(winbacksDue([winback], '2026-06-01', ['w'], '2026-06-20', now)).toEqual([]);
    expect(winbacksDue([winback], undefined, [], '2026-06-20', now)).toEqual([]);
  });
});
