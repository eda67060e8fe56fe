import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Community times in a process whose own zone is New York, with an Intl that honours time zones
 * and with one that ignores them (WeChat on Android), each in a child process so TZ really applies.
 */
function formatsIn(intl: 'honours' | 'ignores') {
  const script = `
    if (process.env.INTL === 'ignores') {
      const Real = Intl.DateTimeFormat;
      Intl.DateTimeFormat = function (locale, options = {}) { const { timeZone, ...rest } = options; return new Real(locale, rest); };
    }
    const f = require(${JSON.stringify(resolve(__dirname, 'format.ts'))});
    console.log(JSON.stringify({
      phoneHour: new Date('2026-03-02T15:59:00Z').getHours(),
      before: f.formatTime('2026-03-02T15:59:00Z'),
      after: f.formatTime('2026-03-02T16:00:00Z'),
      local: f.isoToLocal('2026-12-01T12:00:00Z'),
      lastDay: f.formatLastDay('2027-03-02T16:00:00.000Z'),
      dayPastMidnight: f.dayIn('Asia/Shanghai', Date.parse('2026-03-02T16:30:00Z')),
      evening: f.localToIso('2026-12-01 20:00'),
      pastMidnight: f.localToIso('2026-12-01 00:30'),
      noSuchDay: f.localToIso('2026-02-30 10:00'),
    }));`;
  const tsx = resolve(__dirname, '../../node_modules/.bin/tsx');
  return JSON.parse(
    execFileSync(tsx, ['-e', script], { env: { ...process.env, TZ: 'America/New_York', INTL: intl }, encoding: 'utf8' }).trim(),
  );
}

describe.each(['honours', 'ignores'] as const)('community times when Intl %s time zones, the phone in New York', (intl) => {
  it('shows instants on the Shanghai clock and reads its wall-clock times back', () => {
    expect(formatsIn(intl)).toEqual({
      phoneHour: 10, // 15:59Z on the phone's own clock: proof the process is elsewhere
      before: '3月2日 23:59',
      after: '3月3日 00:00',
      local: '2026-12-01 20:00',
      lastDay: '3月2日',
      dayPastMidnight: '2026-03-03', // UTC and the phone still say the 2nd
      evening: '2026-12-01T12:00:00.000Z',
      pastMidnight: '2026-11-30T16:30:00.000Z',
      noSuchDay: null,
    });
  });
});
