import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { addDays, dayOf, daysBetween, localDateTime, startOfDay, weekKey } from './days';

dayjs.extend(utc);
dayjs.extend(timezone);

describe('community days', () => {
  it('puts 15:59:59Z and 16:00:01Z on different Shanghai days, whatever TZ the process runs in', () => {
    expect(dayOf(new Date('2026-03-02T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-03-02');
    expect(dayOf(new Date('2026-03-02T16:00:01Z'), 'Asia/Shanghai')).toBe('2026-03-03');
  });

  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(startOfDay('2026-03-03', 'Asia/Shanghai').toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });

  it('starts days right across a DST change', () => {
    expect(startOfDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('agrees with dayjs for every hour of a year in Shanghai and New York', () => {
    for (const tz of ['Asia/Shanghai', 'America/New_York']) {
      for (let t = Date.parse('2026-01-01T00:30:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3_600_000) {
        expect(dayOf(new Date(t), tz)).toBe(dayjs(t).tz(tz).format('YYYY-MM-DD'));
      }
    }
  });

  it('shows an instant on the community clock', () => {
    expect(localDateTime(new Date('2026-03-02T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-03-02 23:59:59');
    expect(localDateTime(new Date('2026-03-02T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-03 00:00:00');
  });

  it('honours other time zones', () => {
    expect(dayOf(new Date('2026-03-02T04:59:00Z'), 'America/New_York')).toBe('2026-03-01');
  });

  it('does calendar arithmetic across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    // Whatever the day and step, the same as calendar arithmetic (dayjs) says, and undone by the opposite step.
    for (let i = 0; i < 2000; i++) {
      const day = dayjs
        .utc('1999-12-25')
        .add((i * 7919) % 20000, 'day')
        .format('YYYY-MM-DD');
      const n = ((i * 104729) % 1500) - 750;
      expect(addDays(day, n)).toBe(dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD'));
      expect(addDays(addDays(day, n), -n)).toBe(day);
      expect(daysBetween(day, addDays(day, n))).toBe(n);
      const d = dayjs.utc(day);
      expect(weekKey(day)).toBe(d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD'));
    }
  });

  it('starts weeks on Monday', () => {
    expect(weekKey('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekKey('2026-11-29')).toBe('2026-11-23'); // the Sunday after
    expect(weekKey('2026-11-30')).toBe('2026-11-30');
  });
});
