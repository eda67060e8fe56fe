import * as z from 'zod';
import { MONTH_PATTERN } from '../../core/days';
import { communityId, inCommunity, requestId } from '../kernel/schemas';

/** The `checkin` function's action inputs: what each action accepts, checked before it runs. */

export const calendarInput = z.object({
  communityId,
  month: z.string({ error: 'month 必须是 YYYY-MM' }).regex(MONTH_PATTERN, 'month 必须是 YYYY-MM'),
});

export const checkInInput = inCommunity;

/** A calendar day that exists, "YYYY-MM-DD". */
const missedDay = z
  .string({ error: '请选择要补签的日期' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 年-月-日')
  .refine((day) => {
    // Runs after a failed format check too (zod goes on), so it must not throw on junk.
    const time = Date.parse(`${day}T00:00:00Z`);
    return Number.isFinite(time) && new Date(time).toISOString().startsWith(day);
  }, '没有这一天');

export const makeUpInput = z.object({ communityId, day: missedDay, requestId });

export const makeUpQuoteInput = z.object({ communityId, day: missedDay });
