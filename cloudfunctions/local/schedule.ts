/**
 * Timer triggers use WeChat's 7-field cron (second minute hour day month weekday year), read
 * in UTC+8. The local runtime supports what this project declares: a fixed second, and for
 * minute and hour a number, `*` or `*\/n` (every n); the other fields `*`.
 */
const CRON_OFFSET_MS = 8 * 3_600_000;

export interface Cron {
  second: number;
  minutes: (minute: number) => boolean;
  hours: (hour: number) => boolean;
}

function field(text: string | undefined, max: number): ((value: number) => boolean) | null {
  if (text === '*') return () => true;
  const every = /^\*\/(\d{1,2})$/.exec(text ?? '');
  if (every && Number(every[1]) > 0) return (value) => value % Number(every[1]) === 0;
  if (/^\d{1,2}$/.test(text ?? '') && Number(text) <= max) return (value) => value === Number(text);
  return null;
}

export function parseCron(cron: string): Cron {
  const fields = cron.trim().split(/\s+/);
  const [second, minute, hour, ...rest] = fields;
  const minutes = field(minute, 59);
  const hours = field(hour, 23);
  if (fields.length !== 7 || !/^\d{1,2}$/.test(second ?? '') || !minutes || !hours || rest.some((f) => f !== '*')) {
    throw new Error(`local runtime supports "S M H * * * *" timer triggers (M and H: n, * or */n), got "${cron}"`);
  }
  return { second: Number(second), minutes, hours };
}

/** The next instant after `now` at which the cron fires. */
export function nextRun(cron: string, now: Date): Date {
  const { second, minutes, hours } = parseCron(cron);
  const shifted = new Date(now.getTime() + CRON_OFFSET_MS);
  let candidate = Date.UTC(
    shifted.getUTCFullYear(),
    shifted.getUTCMonth(),
    shifted.getUTCDate(),
    shifted.getUTCHours(),
    shifted.getUTCMinutes(),
    second,
  );
  // Minute by minute: at most a day of candidates.
  for (let i = 0; i <= 1440; i++, candidate += 60_000) {
    const at = new Date(candidate);
    if (candidate - CRON_OFFSET_MS > now.getTime() && minutes(at.getUTCMinutes()) && hours(at.getUTCHours()))
      return new Date(candidate - CRON_OFFSET_MS);
  }
  throw new Error(`cron "${cron}" never fires`);
}
