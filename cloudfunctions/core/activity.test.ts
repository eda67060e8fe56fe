import fc from 'fast-check';
import {
  afterActivity,
  markOf,
  NO_ACTIVITY,
  segmentOf,
  segmentRanges,
  SEGMENTS,
  type ActivityFacts,
  type SegmentKey,
  type SegmentRanges,
} from './activity';
import { addDays, type Day } from './days';

const BASE = '2026-01-01';
const day = (n: number) => addDays(BASE, n);

/** Whether a member's fields fall in a segment's ranges, as a database query would test them. */
function inRanges(member: ActivityFacts & { joinedDay: Day }, r: SegmentRanges): boolean {
  return (
    (r.joinedFrom === undefined || member.joinedDay >= r.joinedFrom) &&
    (r.joinedBefore === undefined || member.joinedDay < r.joinedBefore) &&
    (r.coreFrom === undefined || member.coreUntil >= r.coreFrom) &&
    (r.coreBefore === undefined || member.coreUntil < r.coreBefore) &&
    (r.activeFrom === undefined || member.lastActiveDay >= r.activeFrom) &&
    (r.activeTo === undefined || member.lastActiveDay <= r.activeTo) &&
    (r.activeBefore === undefined || member.lastActiveDay < r.activeBefore)
  );
}

describe('activity', () => {
  it('counts a day once and moves the window as days pass', () => {
    const first = afterActivity(NO_ACTIVITY, day(0));
    expect(first).toEqual({ lastActiveDay: day(0), activeDays: 1, coreUntil: '' });
    expect(afterActivity(first, day(0))).toBe(first);
    expect(afterActivity(first, day(2))).toMatchObject({ lastActiveDay: day(2), activeDays: 0b101 });
    expect(afterActivity(first, day(40))).toMatchObject({ activeDays: 1 });
    // A clock behind another instance's never moves the facts back.
    expect(afterActivity(afterActivity(first, day(5)), day(4))).toMatchObject({ lastActiveDay: day(5) });
  });

  it('makes a member core on their 15th active day in 30, until that run of days leaves the window', () => {
    let facts = NO_ACTIVITY;
    for (let d = 0; d < 15; d++) facts = afterActivity(facts, day(d * 2)); // every other day: days 0, 2, ..., 28
    // The 15 days are 0..28; core while day 0 is within the 30 days ending D: until day 29.
    expect(facts.coreUntil).toBe(day(29));
    expect(segmentOf({ ...facts, joinedDay: day(-100) }, day(29))).toBe('core');
    expect(segmentOf({ ...facts, joinedDay: day(-100) }, day(30))).toBe('active');
  });

  it('agrees with a brute-force count of active days, whatever the pattern', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 80 }),
        fc.integer({ min: 0, max: 40 }),
        (offsets, later) => {
          const days = [...offsets].sort((a, b) => a - b);
          let facts = NO_ACTIVITY;
          for (const d of days) facts = afterActivity(facts, day(d));
          const last = days.at(-1) ?? 0;
          for (let probe = last; probe <= last + later; probe++) {
            const inWindow = days.filter((d) => d > probe - 30 && d <= probe).length;
            expect(facts.coreUntil !== '' && facts.coreUntil >= day(probe)).toBe(inWindow >= 15);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('puts every member in exactly one segment, the one its ranges say', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 200 }),
        fc.uniqueArray(fc.integer({ min: -200, max: 200 }), { maxLength: 40 }),
        fc.integer({ min: -10, max: 200 }),
        (joined, offsets, today) => {
          let facts = NO_ACTIVITY;
          for (const d of [...offsets].sort((a, b) => a - b)) if (d <= today) facts = afterActivity(facts, day(d));
          const member = { ...facts, joinedDay: day(joined) };
          const matching = SEGMENTS.map((s) => s.key).filter((key) => inRanges(member, segmentRanges(key, day(today))));
          expect(matching).toEqual([segmentOf(member, day(today))]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('draws the bands of API.md', () => {
    const member = (lastActive: number | null, joined = -100) => ({
      ...NO_ACTIVITY,
      lastActiveDay: lastActive === null ? '' : day(lastActive),
      joinedDay: day(joined),
    });
    const cases: Array<[ReturnType<typeof member>, SegmentKey]> = [
      [member(null, -14), 'new'],
      [member(null, -15), 'lost'],
      [member(-7), 'active'],
      [member(-8), 'at_risk'],
      [member(-14), 'at_risk'],
      [member(-15), 'dormant'],
      [member(-59), 'dormant'],
      [member(-60), 'lost'],
    ];
    for (const [m, key] of cases) expect([m.lastActiveDay, segmentOf(m, day(0))]).toEqual([m.lastActiveDay, key]);
  });

  it('marks a day once, and the first day of a month for retention', () => {
    const before = afterActivity(NO_ACTIVITY, '2026-02-27');
    expect(markOf(before, '2026-02-27', '2026-02-01')).toBeNull();
    expect(markOf(before, '2026-02-28', '2026-02-01')).toEqual({ cohort: '2026-02', firstInMonth: false });
    expect(markOf(before, '2026-03-01', '2026-02-01')).toEqual({ cohort: '2026-02', firstInMonth: true });
    expect(markOf(NO_ACTIVITY, '2026-03-01', '2026-03-01')).toEqual({ cohort: '2026-03', firstInMonth: true });
  });
});
