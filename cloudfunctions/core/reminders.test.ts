import { nextReminderAt, shouldRemind } from './reminders';

const TZ = 'Asia/Shanghai';

describe('check-in reminders', () => {
  it('fall on the next hour on the community clock: today while ahead, else tomorrow', () => {
    // 20:30 in Shanghai is 12:30Z.
    const evening = new Date('2026-03-02T12:30:00Z');
    expect(nextReminderAt(21, evening, TZ).toISOString()).toBe('2026-03-02T13:00:00.000Z');
    expect(nextReminderAt(8, evening, TZ).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(nextReminderAt(20, new Date('2026-03-02T12:00:00Z'), TZ).toISOString()).toBe('2026-03-03T12:00:00.000Z');
    expect(nextReminderAt(0, evening, TZ).toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });

  it('go only to who has not checked in that day, once a day, while one is left', () => {
    const day = '2026-03-02';
    expect(shouldRemind({ lastCheckinDay: '2026-03-01', lastSentDay: null, left: 2 }, day)).toBe(true);
    expect(shouldRemind({ lastCheckinDay: day, lastSentDay: null, left: 2 }, day)).toBe(false);
    expect(shouldRemind({ lastCheckinDay: null, lastSentDay: day, left: 2 }, day)).toBe(false);
    expect(shouldRemind({ lastCheckinDay: null, lastSentDay: null, left: 0 }, day)).toBe(false);
  });
});
