import fc from 'fast-check';
import { emptyAccount, postEntry, type Account, type EntryKind } from './ledger';
import {
  addCounts,
  burnRate,
  entryCounts,
  eventCounts,
  liabilityOf,
  nextMonth,
  previousMonth,
  retainedCohort,
  type PointsTotals,
} from './stats';

describe('stats', () => {
  it('counts each kind of entry as API.md defines it', () => {
    expect(
      entryCounts({ id: 'checkin:c:o:2026-03-01', kind: 'earn', delta: 5, active: { cohort: '2026-02', firstInMonth: true } }),
    ).toEqual({ pointsIssued: 5, checkins: 1, activeMembers: 1 });
    expect(entryCounts({ id: 'streak:c:o:2026-03-01', kind: 'earn', delta: 50 })).toEqual({ pointsIssued: 50 });
    expect(entryCounts({ id: 'adjust:x', kind: 'adjust', delta: 30 })).toEqual({ pointsIssued: 30 });
    expect(entryCounts({ id: 'adjust:y', kind: 'adjust', delta: -20 })).toEqual({ pointsReversed: 20 });
    expect(entryCounts({ id: 'spend:x', kind: 'spend', delta: -60 })).toEqual({ pointsSpent: 60 });
    expect(entryCounts({ id: 'refund:x', kind: 'refund', delta: 60 })).toEqual({ pointsSpent: -60 });
    expect(entryCounts({ id: 'expire:x', kind: 'expire', delta: -7 })).toEqual({ pointsExpired: 7 });
    expect(entryCounts({ id: 'reverse:x', kind: 'reverse', delta: -80 })).toEqual({ pointsReversed: 80 });
    expect(eventCounts({ kind: 'post', active: { cohort: '2026-03', firstInMonth: false } })).toEqual({ posts: 1, activeMembers: 1 });
    expect(eventCounts({ kind: 'referral' })).toEqual({ referralsRewarded: 1 });
    expect(eventCounts({ kind: 'checkin' })).toEqual({ checkins: 1 });
  });

  it('keeps liability = issued − spent − expired − reversed = the sum of balances, whatever happens', () => {
    const step = fc.record({
      member: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom<EntryKind>('earn', 'spend', 'adjust', 'refund', 'expire', 'reverse'),
      amount: fc.integer({ min: 1, max: 300 }),
      down: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const accounts: Account[] = [emptyAccount(), emptyAccount(), emptyAccount()];
        let totals: PointsTotals = { pointsIssued: 0, pointsSpent: 0, pointsExpired: 0, pointsReversed: 0 };
        const time = { now: new Date('2026-03-01T02:00:00Z'), day: '2026-03-01', timezone: 'Asia/Shanghai', expiryDays: 365 };
        steps.forEach((s, i) => {
          const negative = s.kind === 'spend' || s.kind === 'expire' || s.kind === 'reverse' || (s.kind === 'adjust' && s.down);
          try {
            const { account, entry } = postEntry(
              accounts[s.member],
              { id: `${s.kind}:${i}`, kind: s.kind, delta: negative ? -s.amount : s.amount, reason: '', refId: null },
              time,
            );
            accounts[s.member] = account;
            totals = addCounts(totals, entryCounts(entry));
          } catch {
            /* refused: below zero */
          }
          expect(liabilityOf(totals)).toBe(accounts.reduce((sum, a) => sum + a.balance, 0));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('rounds the burn rate to 4 decimals and says 0 when nothing was issued', () => {
    expect(burnRate(1, 3)).toBe(0.3333);
    expect(burnRate(0, 0)).toBe(0);
    expect(burnRate(50, 40)).toBe(1.25);
  });

  it('retains a cohort by its members’ first active day of the next month only', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
    expect(retainedCohort({ cohort: '2026-02', firstInMonth: true }, '2026-03-01')).toBe('2026-02');
    expect(retainedCohort({ cohort: '2026-02', firstInMonth: false }, '2026-03-02')).toBeNull();
    expect(retainedCohort({ cohort: '2026-01', firstInMonth: true }, '2026-03-01')).toBeNull();
    expect(retainedCohort({ cohort: '2026-03', firstInMonth: true }, '2026-03-01')).toBeNull();
  });
});
