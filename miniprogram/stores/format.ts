import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Times on the community's clock, on every runtime. dayjs's tz plugin leans on Intl honouring
 * `timeZone`, which WeChat on Android does not (dayjs#2635, Taro#16078): there a Shanghai
 * community read on a phone set to another zone showed that phone's times. So the zone's offset
 * comes from Intl only where a probe proves Intl honours zones, and otherwise from the zones a
 * community here is in (none of them has daylight saving); the wall clock is then plain UTC
 * arithmetic, which every runtime does alike.
 */
const FIXED_OFFSETS: Record<string, number> = {
  'Asia/Shanghai': 480,
  'Asia/Chongqing': 480,
  'Asia/Harbin': 480,
  'Asia/Hong_Kong': 480,
  'Asia/Macau': 480,
  'Asia/Taipei': 480,
  'Asia/Singapore': 480,
  'Asia/Kuala_Lumpur': 480,
  'Asia/Manila': 480,
  'Asia/Tokyo': 540,
  'Asia/Seoul': 540,
  UTC: 0,
};

let intlHonoursZones: boolean | null = null;

/** Whether Intl really converts to a given zone here (a midnight UTC is 08:00 in Shanghai, 00:00 in UTC). */
function intlWorks(): boolean {
  if (intlHonoursZones === null) {
    try {
      const hour = (tz: string) =>
        new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(new Date(Date.UTC(2020, 0, 1)));
      intlHonoursZones = Number(hour('Asia/Shanghai')) === 8 && Number(hour('UTC')) === 0;
    } catch {
      intlHonoursZones = false;
    }
  }
  return intlHonoursZones;
}

/** Minutes the zone is ahead of UTC at `at`. */
export function offsetMinutes(at: number, tz: string): number {
  if (intlWorks()) {
    try {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', {
          timeZone: tz,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
        })
          .formatToParts(new Date(at))
          .map((p) => [p.type, p.value]),
      );
      const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
      return Math.round((wall - Math.floor(at / 60_000) * 60_000) / 60_000);
    } catch {
      /* an unknown zone: the table, then Shanghai */
    }
  }
  return FIXED_OFFSETS[tz] ?? FIXED_OFFSETS['Asia/Shanghai'];
}

/** The instant as the community's wall clock, for formatting with dayjs in UTC mode. */
const wall = (at: number, tz: string) => dayjs.utc(at + offsetMinutes(at, tz) * 60_000);

/** The day it is at `at` in the community's time zone, "2026-06-02": a device's clock says its own zone's. */
export function dayIn(tz: string, at: number = Date.now()): string {
  return wall(at, tz).format('YYYY-MM-DD');
}

/** The last day before an instant, "3月12日", in the community's time zone: points expiring at midnight are usable until then. */
export function formatLastDay(iso: string, tz = 'Asia/Shanghai'): string {
  return wall(Date.parse(iso) - 1000, tz).format('M月D日');
}

/** "3月12日 08:30" in the community's time zone. */
export function formatTime(iso: string, tz = 'Asia/Shanghai'): string {
  return wall(Date.parse(iso), tz).format('M月D日 HH:mm');
}

/** "2天 03:04:05" / "03:04:05" until an instant; "" once it has passed. */
export function countdown(untilIso: string, now: number): string {
  const ms = Date.parse(untilIso) - now;
  if (ms <= 0) return '';
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86400);
  const clock = [Math.floor((total % 86400) / 3600), Math.floor((total % 3600) / 60), total % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  return days > 0 ? `${days}天 ${clock}` : clock;
}

/** "2026-12-01 20:00" on the community's clock, as an ISO instant; null if not such a text. */
export function localToIso(text: string, tz = 'Asia/Shanghai'): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(asUtc);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The offset at the instant itself: a second look settles a daylight-saving change.
  const first = asUtc - offsetMinutes(asUtc, tz) * 60_000;
  return new Date(asUtc - offsetMinutes(first, tz) * 60_000).toISOString();
}

/** An ISO instant as "2026-12-01 20:00" on the community's clock. */
export function isoToLocal(iso: string | null, tz = 'Asia/Shanghai'): string {
  return iso ? wall(Date.parse(iso), tz).format('YYYY-MM-DD HH:mm') : '';
}

/** Fen as yuan, the way a price tag says it: 5900 -> "59.00" (core's, as the server's notices say it). */
export { yuan } from '../../cloudfunctions/core/money';
