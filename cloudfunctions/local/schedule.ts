/**
 * Timer triggers use WeChat's 7-field cron (second minute hour day month weekday year), read
 * in UTC+8. The local runtime supports what this project declares: a fixed time every day.
 */
const CRON_OFFSET_MS = 8 * 3_600_000;

export function parseDailyCron(cron: string): { second: number; minute: number; hour: number } {
  const fields = cron.trim().split(/\s+/);
  const [second, minute, hour, ...rest] = fields;
  const fixed = [second, minute, hour].map((f) => (/^\d{1,2}$/.test(f ?? '') ? Number(f) : NaN));
  if (fields.length !== 7 || fixed.some(Number.isNaN) || rest.some((f) => f !== '*')) {
    throw new Error(`local runtime supports daily timer triggers only ("S M H * * * *"), got "${cron}"`);
  }
  return { second: fixed[0], minute: fixed[1], hour: fixed[2] };
}

/** The next instant after `now` at which a daily cron fires. */
export function nextRun(cron: string, now: Date): Date {
  const { second, minute, hour } = parseDailyCron(cron);
  const shifted = new Date(now.getTime() + CRON_OFFSET_MS);
  const candidate = Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate(), hour, minute, second) - CRON_OFFSET_MS;
  return new Date(candidate > now.getTime() ? candidate : candidate + 86_400_000);
}
