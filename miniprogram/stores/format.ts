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
