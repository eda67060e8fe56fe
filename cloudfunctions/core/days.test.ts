import { addDays, dayOf, daysBetween, monthRange, startOfDay, weekKey } from './days';

describe('community days', () => {
  it('puts 15:59:59Z and 16:00:01Z on different Shanghai days, whatever TZ the process runs in', () => {
    expect(dayOf(new Date('2026-03-02T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-03-02');
    expect(dayOf(new Date('2026-03-02T16:00:01Z'), 'Asia/Shanghai')).toBe('2026-03-03');
  });

  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(startOfDay('2026-03-03', 'Asia/Shanghai').toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });

  it('honours other time zones', () => {
    expect(dayOf(new Date('2026-03-02T04:59:00Z'), 'America/New_York')).toBe('2026-03-01');
  });

  it('does calendar arithmetic across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('starts weeks on Monday', () => {
    expect(weekKey('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekKey('2026-11-29')).toBe('2026-11-23'); // the Sunday after
    expect(weekKey('2026-11-30')).toBe('2026-11-30');
  });

  it('knows month ends', () => {
    expect(monthRange('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
  });
});
