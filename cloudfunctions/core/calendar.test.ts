import fc from 'fast-check';
import { checkedDays, markCheckin, MONTHS_KEPT } from './calendar';

describe('check-in calendar marks', () => {
  it('marks days of a month, the 31st included', () => {
    let months = markCheckin(undefined, '2026-03-01');
    months = markCheckin(months, '2026-03-31');
    months = markCheckin(months, '2026-03-31');
    expect(checkedDays(months, '2026-03')).toEqual(['2026-03-01', '2026-03-31']);
    expect(checkedDays(months, '2026-04')).toEqual([]);
  });

  it('keeps only the most recent months', () => {
    let months = {};
    for (let m = 1; m <= 24; m++)
      months = markCheckin(months, `20${25 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-15`);
    expect(Object.keys(months)).toHaveLength(MONTHS_KEPT);
    expect(checkedDays(months, '2026-12')).toEqual(['2026-12-15']);
    expect(checkedDays(months, '2025-01')).toEqual([]);
  });

  it('reads back exactly the days marked', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 31 })), (days) => {
        const marked = days.map((d) => `2026-07-${String(d).padStart(2, '0')}`);
        const months = marked.reduce((acc, day) => markCheckin(acc, day), {});
        expect(checkedDays(months, '2026-07')).toEqual([...marked].sort());
      }),
    );
  });
});
