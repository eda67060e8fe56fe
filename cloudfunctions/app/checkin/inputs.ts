import * as z from 'zod';
import { MONTH_PATTERN } from '../../core/days';
import { communityId, inCommunity } from '../schemas';

/** The `checkin` function's action inputs: what each action accepts, checked before it runs. */

export const calendarInput = z.object({
  communityId,
  month: z.string({ error: 'month 必须是 YYYY-MM' }).regex(MONTH_PATTERN, 'month 必须是 YYYY-MM'),
});

export const checkInInput = inCommunity;
