import { nextRun, parseDailyCron } from './schedule';

describe('timer schedule', () => {
  it('reads WeChat cron in UTC+8', () => {
    expect(nextRun('0 5 0 * * * *', new Date('2026-03-02T10:00:00Z')).toISOString()).toBe('2026-03-02T16:05:00.000Z');
    expect(nextRun('0 5 0 * * * *', new Date('2026-03-02T16:05:00Z')).toISOString()).toBe('2026-03-03T16:05:00.000Z');
  });

  it('refuses what it cannot run', () => {
    expect(() => parseDailyCron('0 */5 * * * * *')).toThrow('daily timer triggers only');
  });
});
