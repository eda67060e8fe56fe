import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The last day before an instant, "3月12日", in the community's time zone: points expiring at midnight are usable until then. */
export function formatLastDay(iso: string, tz = 'Asia/Shanghai'): string {
  return dayjs(iso).subtract(1, 'second').tz(tz).format('M月D日');
}

/** "3月12日 08:30" in the community's time zone. */
export function formatTime(iso: string, tz = 'Asia/Shanghai'): string {
  return dayjs(iso).tz(tz).format('M月D日 HH:mm');
}

/** "2天 03:04:05" / "03:04:05" until an instant; "" once it has passed. */
export function countdown(untilIso: string, now: number): string {
  const ms = Date.parse(untilIso) - now;
  if (ms <= 0) return '';
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86400);
  const clock = [Math.floor((total % 86400) / 3600), Math.floor((total % 3600) / 60), total % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return days > 0 ? `${days}天 ${clock}` : clock;
}

/** "2026-12-01 20:00" on the community's clock, as an ISO instant; null if not such a text. */
export function localToIso(text: string, tz = 'Asia/Shanghai'): string | null {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(text.trim())) return null;
  const parsed = dayjs.tz(text.trim(), 'YYYY-MM-DD HH:mm', tz);
  return parsed.isValid() ? parsed.toISOString() : null;
}

/** An ISO instant as "2026-12-01 20:00" on the community's clock. */
export function isoToLocal(iso: string | null, tz = 'Asia/Shanghai'): string {
  return iso ? dayjs(iso).tz(tz).format('YYYY-MM-DD HH:mm') : '';
}
