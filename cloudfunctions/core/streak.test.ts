import { checkedInOn, checkinsToNextBonus, currentStreak, streakAfterCheckin, streakBonus } from './streak';

const rule = { streakDays: 7, streakBonus: 50 };

describe('streaks', () => {
  it('grows on consecutive days and restarts after a gap', () => {
    expect(streakAfterCheckin({ streak: 3, lastCheckinDay: '2026-11-22' }, '2026-11-23')).toBe(4);
    expect(streakAfterCheckin({ streak: 3, lastCheckinDay: '2026-11-21' }, '2026-11-23')).toBe(1);
    expect(streakAfterCheckin({ streak: 0, lastCheckinDay: null }, '2026-11-23')).toBe(1);
  });

  it('shows a streak while today or yesterday was checked in', () => {
    expect(currentStreak({ streak: 5, lastCheckinDay: '2026-11-23' }, '2026-11-23')).toBe(5);
    expect(currentStreak({ streak: 5, lastCheckinDay: '2026-11-22' }, '2026-11-23')).toBe(5);
    expect(currentStreak({ streak: 5, lastCheckinDay: '2026-11-21' }, '2026-11-23')).toBe(0);
  });

  it('counts a check-in on a later day (a clock ahead at midnight) as today done, and keeps its streak', () => {
    expect(checkedInOn({ streak: 5, lastCheckinDay: '2026-11-23' }, '2026-11-23')).toBe(true);
    expect(checkedInOn({ streak: 5, lastCheckinDay: '2026-11-24' }, '2026-11-23')).toBe(true);
    expect(checkedInOn({ streak: 5, lastCheckinDay: '2026-11-22' }, '2026-11-23')).toBe(false);
    expect(checkedInOn({ streak: 0, lastCheckinDay: null }, '2026-11-23')).toBe(false);
    expect(currentStreak({ streak: 5, lastCheckinDay: '2026-11-24' }, '2026-11-23')).toBe(5);
  });

  it('pays the bonus on every 7th consecutive day only', () => {
    expect([1, 6, 7, 8, 13, 14].map((s) => streakBonus(s, rule))).toEqual([0, 0, 50, 0, 0, 50]);
  });

  it('counts the check-ins to the next bonus, today included while still to do', () => {
    expect(checkinsToNextBonus(0, false, 7)).toBe(6);
    expect(checkinsToNextBonus(6, false, 7)).toBe(0);
    expect(checkinsToNextBonus(7, true, 7)).toBe(7);
    expect(checkinsToNextBonus(3, true, 7)).toBe(4);
    expect(checkinsToNextBonus(13, false, 7)).toBe(0);
    expect(checkinsToNextBonus(0, false, 1)).toBe(0);
    expect(checkinsToNextBonus(1, true, 1)).toBe(1);
  });
});
