import * as z from 'zod';
import { communityId, cursor, docId, inCommunity, limit, limited, openid, requestId, segment, text } from '../kernel/schemas';
import { ADJUST_LIMITS, AWARD_LIMITS, GIFT_MESSAGE_LIMIT } from '../../core/limits';

/** The `points` function's action inputs: what each action accepts, checked before it runs. */

export const adjustPointsInput = z.object({
  communityId,
  openid,
  delta: z
    .number({ error: 'delta 必须是数字' })
    .int('delta 必须是整数')
    .min(-ADJUST_LIMITS.amount, `一次最多调整 ${ADJUST_LIMITS.amount} 分`)
    .max(ADJUST_LIMITS.amount, `一次最多调整 ${ADJUST_LIMITS.amount} 分`)
    .refine((n) => n !== 0, 'delta 不能为 0'),
  reason: text('调整原因', ADJUST_LIMITS.reason),
  requestId,
});

export const getMyPointsInput = inCommunity;

export const leaderboardInput = z.object({
  communityId,
  period: z.enum(['week', 'month', 'all'], { error: 'period 只能是 week、month 或 all' }),
  limit,
});

export const listLedgerInput = z.object({ communityId, cursor, limit });

export const transferInput = z.object({
  communityId,
  to: openid,
  amount: z.number({ error: '转赠积分必须是数字' }).int('转赠积分必须是整数').min(1, '至少转赠 1 积分').max(100_000, '一次转赠太多'),
  message: z.string({ error: '留言必须是文字' }).trim().max(GIFT_MESSAGE_LIMIT, `留言最多 ${GIFT_MESSAGE_LIMIT} 个字`).optional(),
  requestId,
});

export const tiersInput = inCommunity;
export const tasksInput = inCommunity;
export const badgesInput = z.object({ communityId, openid: openid.optional() });

/** Up to 10,000 members, listed (duplicates counted once) or by segment; neither means everyone. */
export const bulkAwardInput = z
  .object({
    communityId,
    openids: z
      .array(openid, { error: 'openids 必须是 openid 的列表' })
      .min(1, '至少选一位成员')
      .max(AWARD_LIMITS.members, `一次最多 ${AWARD_LIMITS.members} 位成员`)
      .optional(),
    segment,
    delta: limited(AWARD_LIMITS.amount, '每人'),
    reason: text('发放原因', AWARD_LIMITS.reason),
    requestId,
  })
  .refine((input) => !(input.openids && input.segment), { message: '选成员名单或分层，二者选一', path: ['segment'] });

export const batchInput = z.object({ communityId, batchId: docId('batchId') });
