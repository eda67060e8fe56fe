import fc from 'fast-check';
import { addDays } from './days';
import { postAll, emptyAccount, type PostingTime } from './ledger';
import { DEFAULT_RULES, mergeRules, type Rules } from './rules';
import { reviewTier, tierAfterPosting, tierOf, windowFallsShortOn, windowPoints, type TierFacts } from './tiers';

const lifetime = DEFAULT_RULES;
const rolling: Rules = mergeRules(DEFAULT_RULES, { tierRetention: { mode: 'rolling', windowDays: 30, graceDays: 7 } });
const member = (facts: Partial<TierFacts>): TierFacts => ({ earnedTotal: 0, ...facts });

describe('tiers', () => {
  it('places lifetime points in 铜/银/金/铂金 with the next threshold, multiplier and perks', () => {
    expect(tierOf(member({ earnedTotal: 0 }), lifetime, '2026-06-01')).toMatchObject({
      name: '铜',
      nextName: '银',
      nextMinPoints: 500,
      points: 0,
      multiplier: 1,
      keep: null,
    });
    expect(tierOf(member({ earnedTotal: 499 }), lifetime, '2026-06-01').name).toBe('铜');
    expect(tierOf(member({ earnedTotal: 500 }), lifetime, '2026-06-01')).toMatchObject({ name: '银', nextName: '金', nextMinPoints: 2000 });
    expect(tierOf(member({ earnedTotal: 5000 }), lifetime, '2026-06-01')).toMatchObject({
      name: '铂金',
      nextName: null,
      nextMinPoints: null,
    });
    expect(tierOf(member({ earnedTotal: 5000 }), lifetime, '2026-06-01').perks.length).toBeGreaterThan(0);
  });

  it('never lowers a lifetime tier, whatever the window says', () => {
    expect(tierOf(member({ earnedTotal: 2000, recentEarned: {}, tierHeld: '铜' }), lifetime, '2027-06-01').name).toBe('金');
  });

  it('sums the window of windowDays ending today, today included', () => {
    const recent = { '2026-05-02': 100, '2026-05-03': 10, '2026-06-01': 1, '2026-06-02': 1000 };
    expect(windowPoints(recent, '2026-06-01', 30)).toBe(11);
    expect(windowPoints(recent, '2026-06-01', 31)).toBe(111);
  });

  it('finds the first day the window falls short when nothing more is earned', () => {
    const recent = { '2026-05-10': 300, '2026-05-20': 300 };
    // 600 in the window; the 05-10 points leave it on 06-09, leaving 300 < 500.
    expect(windowFallsShortOn(recent, '2026-06-01', 30, 500)).toBe('2026-06-09');
    expect(windowFallsShortOn(recent, '2026-06-01', 30, 700)).toBe('2026-06-01');
    expect(windowFallsShortOn(recent, '2026-06-01', 30, 0)).toBeNull();
  });

  it('rolling: upgrades at once, keeps the tier through the grace period, then moves down one tier', () => {
    const earned = member({ earnedTotal: 2500, recentEarned: { '2026-05-10': 2100 } });
    const up = tierAfterPosting(earned, rolling, '2026-05-10');
    expect(up).toEqual({ tierHeld: '金', tierKeepBy: null, tierReviewOn: '2026-06-09' });

    const due = { ...earned, ...up };
    expect(tierOf(due, rolling, '2026-06-09')).toMatchObject({ name: '金', points: 0, keep: { minPoints: 2000, by: '2026-06-16' } });
    const warned = reviewTier(due, rolling, '2026-06-09');
    expect(warned).toEqual({ outcome: 'warned', changes: { tierHeld: '金', tierKeepBy: '2026-06-16', tierReviewOn: '2026-06-16' } });

    const demoted = reviewTier({ ...due, ...warned.changes }, rolling, '2026-06-16');
    expect(demoted.outcome).toBe('demoted');
    // One tier down, and still short of 银: a new grace period for it.
    expect(demoted.changes).toEqual({ tierHeld: '银', tierKeepBy: '2026-06-23', tierReviewOn: '2026-06-23' });
  });

  it('rolling: points earned during the grace period make the tier safe again', () => {
    const graced = member({
      earnedTotal: 2500,
      recentEarned: { '2026-06-10': 2000 },
      tierHeld: '金',
      tierKeepBy: '2026-06-16',
      tierReviewOn: '2026-06-16',
    });
    expect(tierOf(graced, rolling, '2026-06-10').keep).toBeNull();
    expect(tierAfterPosting(graced, rolling, '2026-06-10')).toEqual({ tierHeld: '金', tierKeepBy: null, tierReviewOn: '2026-07-10' });
    expect(reviewTier(graced, rolling, '2026-06-16').outcome).toBe('safe');
  });

  it('rolling: a member never held a tier keeps their lifetime one until reviewed (switching modes demotes nobody at once)', () => {
    const view = tierOf(member({ earnedTotal: 2500 }), rolling, '2026-06-01');
    expect(view).toMatchObject({ name: '金', points: 0, keep: { minPoints: 2000, by: '2026-06-08' } });
  });

  it('property: the ledger keeps the window exactly (earned, positive adjust, less reversals), bounded by the days kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 500 }), points: fc.integer({ min: 1, max: 50 }), reverse: fc.boolean() }), {
          maxLength: 40,
        }),
        (moves) => {
          let account = emptyAccount();
          const sorted = [...moves].sort((a, b) => a.day - b.day);
          const expected = new Map<string, number>();
          sorted.forEach((move, i) => {
            const day = addDays('2026-01-01', move.day);
            const time: PostingTime = { now: new Date(`${day}T04:00:00Z`), day, timezone: 'Asia/Shanghai', expiryDays: 365 };
            account = postAll(account, [{ id: `e${i}`, kind: 'earn', delta: move.points, reason: '', refId: null }], time).account;
            expected.set(day, (expected.get(day) ?? 0) + move.points);
            if (move.reverse) {
              account = postAll(
                account,
                [{ id: `r${i}`, kind: 'reverse', delta: -1, reason: '', refId: null, reverses: { kind: 'earn', delta: 1, day } }],
                time,
              ).account;
              expected.set(day, (expected.get(day) ?? 0) - 1);
            }
          });
          const last = sorted.length ? addDays('2026-01-01', sorted.at(-1)!.day) : '2026-01-01';
          const inWindow = [...expected].filter(([day]) => day > addDays(last, -30)).reduce((sum, [, p]) => sum + p, 0);
          expect(windowPoints(account.recentEarned, last, 30)).toBe(inWindow);
          expect(Object.keys(account.recentEarned ?? {}).every((day) => day > addDays(last, -365))).toBe(true);
        },
      ),
    );
  });
});
