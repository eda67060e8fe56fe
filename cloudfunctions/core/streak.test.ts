import { markCheckin, type CheckinMonths } from './calendar';
import {
  checkedInOn,
  checkinsToNextBonus,
  checkMakeUp,
  currentStreak,
  runEndingOn,
  streakAfterCheckin,
  streakAfterMakeUp,
  streakBonus,
  type MakeUpRequest,
} from './streak';

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

describe('make-up (补签)', () => {
  const months = (days: string[]) => days.reduce((m, d) => markCheckin(m, d), {} as CheckinMonths);
  const request = (over: Partial<MakeUpRequest>): MakeUpRequest => ({
    day: '2026-06-08',
    today: '2026-06-10',
    joinedDay: '2026-06-01',
    months: months(['2026-06-07', '2026-06-09']),
    usedThisMonth: 0,
    rule: { perMonth: 2, withinDays: 7 },
    ...over,
  });
  const codeOf = (r: MakeUpRequest) => {
    try {
      checkMakeUp(r);
      return 'ok';
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it('allows a missed day within withinDays, after joining, within the month allowance', () => {
    expect(codeOf(request({}))).toBe('ok');
    expect(codeOf(request({ day: '2026-06-10' }))).toBe('INVALID_INPUT');
    expect(codeOf(request({ day: '2026-06-11' }))).toBe('INVALID_INPUT');
    expect(codeOf(request({ day: '2026-06-03' }))).toBe('ok');
    expect(codeOf(request({ day: '2026-06-02', joinedDay: '2026-05-01' }))).toBe('INVALID_INPUT');
    expect(codeOf(request({ day: '2026-05-31' }))).toBe('INVALID_INPUT');
    expect(codeOf(request({ day: '2026-06-09' }))).toBe('ALREADY_DONE');
    expect(codeOf(request({ usedThisMonth: 2 }))).toBe('LIMIT_REACHED');
  });

  it('counts consecutive days through made-up ones, ending at the later of the last check-in and the made-up day', () => {
    const marked = months(['2026-06-05', '2026-06-06', '2026-06-07', '2026-06-08', '2026-06-09']);
    expect(runEndingOn(marked, '2026-06-09')).toBe(5);
    expect(runEndingOn(marked, '2026-06-10')).toBe(0);
    // 06-08 filled a gap between a 3-day run and yesterday's check-in.
    expect(streakAfterMakeUp(marked, { streak: 1, lastCheckinDay: '2026-06-09' }, '2026-06-08')).toEqual({
      streak: 5,
      lastCheckinDay: '2026-06-09',
    });
    // Yesterday made up after a run that ended the day before: the streak continues into today's check-in.
    const yesterday = months(['2026-06-07', '2026-06-08', '2026-06-09']);
    const state = streakAfterMakeUp(yesterday, { streak: 2, lastCheckinDay: '2026-06-08' }, '2026-06-09');
    expect(state).toEqual({ streak: 3, lastCheckinDay: '2026-06-09' });
    expect(streakAfterCheckin(state, '2026-06-10')).toBe(4);
  });

  it('runs across a month boundary', () => {
    expect(runEndingOn(months(['2026-05-30', '2026-05-31', '2026-06-01']), '2026-06-01')).toBe(3);
  });
});
