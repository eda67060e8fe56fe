import * as z from 'zod';
import { communityId, cursor, limit, requestId, segment, text } from '../kernel/schemas';
import { BROADCAST_LIMITS } from '../../core/limits';

/** The `notices` function's action inputs: what each action accepts, checked before it runs. */

export const listNoticesInput = z.object({ communityId, cursor, limit });

export const markReadInput = z.object({ communityId });

export const broadcastInput = z.object({
  communityId,
  title: text('公告标题', BROADCAST_LIMITS.title),
  body: text('公告内容', BROADCAST_LIMITS.body),
  segment,
  requestId,
});

export const subscribeInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      communityId,
      kind: z.literal('checkin_reminder'),
      hour: z.number({ error: 'hour 必须是数字' }).int('hour 必须是整数').min(0, 'hour 在 0 到 23 之间').max(23, 'hour 在 0 到 23 之间'),
    }),
    z.object({ communityId, kind: z.literal('announcement') }),
  ],
  { error: 'kind 只能是 checkin_reminder 或 announcement' },
);

export const subscriptionsInput = z.object({ communityId });
