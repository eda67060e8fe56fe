import * as z from 'zod';
import { moment } from '../mall/inputs';
import { communityId, cursor, docId, limit, limited, points, requestId, text } from '../kernel/schemas';
import { DONATION_LIMITS } from '../../core/limits';

/** The `pools` function's action inputs: what each action accepts, checked before it runs. */

export const upsertPoolInput = z.object({
  communityId,
  pool: z.object({
    id: docId('id').optional(),
    name: text('名称', DONATION_LIMITS.name),
    description: z
      .string({ error: '说明必须是文字' })
      .trim()
      .max(DONATION_LIMITS.description, `说明最多 ${DONATION_LIMITS.description} 字`)
      .default(''),
    goalPoints: limited(DONATION_LIMITS.goalPoints, '目标积分'),
    endsAt: moment,
  }),
});

export const startPoolInput = z.object({ communityId, itemId: docId('itemId'), requestId });

export const contributeInput = z.object({
  communityId,
  poolId: docId('poolId'),
  points: points.min(1, '至少投 1 积分'),
  requestId,
});

export const listPoolsInput = z.object({ communityId, cursor, limit });

export const getPoolInput = z.object({ communityId, poolId: docId('poolId') });
