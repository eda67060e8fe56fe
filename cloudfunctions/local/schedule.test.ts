import { nextRun, parseCron } from './schedule';

describe('timer schedule', () => {
  it('reads WeChat cron in UTC+8', () => {
    expect(nextRun('0 5 0 * * * *', new Date('2026-03-02T10:00:00Z')).toISOString()).toBe('2026-03-02T16:05:00.000Z');
    expect(nextRun('0 5 0 * * * *', new Date('2026-03-02T16:05:00Z')).toISOString()).toBe('2026-03-03T16:05:00.000Z');
  });

  it('runs every minute or every n minutes', () => {
    expect(nextRun('0 * * * * * *', new Date('2026-03-02T10:00:00Z')).toISOString()).toBe('2026-03-02T10:01:00.000Z');
    expect(nextRun('30 * * * * * *', new Date('2026-03-02T10:00:10Z')).toISOString()).toBe('2026-03-02T10:00:30.000Z');
    expect(nextRun('0 */5 * * * * *', new Date('2026-03-02T10:03:00Z')).toISOString()).toBe('2026-03-02T10:05:00.000Z');
    expect(nextRun('0 0 */6 * * * *', new Date('2026-03-02T10:03:00Z')).toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });

  it('refuses what it cannot run', () => {
    expect(() => parseCron('0 5 0 1 * * *')).toThrow('timer triggers');
    expect(() => parseCron('0 61 * * * * *')).toThrow('timer triggers');
    expect(() => parseCron('0 5 0 * * *')).toThrow('timer triggers');
  });
});
