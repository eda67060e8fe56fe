import * as z from 'zod';
import { MAX_POST_IMAGES } from '../../core/content';
import { communityId, cursor, docId, imageRef, limit, requestId, text } from '../kernel/schemas';
import { COMMENT_LIMIT, POST_LIMIT } from '../../core/limits';

/** The `posts` function's action inputs: what each action accepts, checked before it runs. */

export const createPostInput = z.object({
  communityId,
  body: text('内容', POST_LIMIT),
  images: z.array(imageRef).max(MAX_POST_IMAGES, `最多 ${MAX_POST_IMAGES} 张图`).default([]),
});

export const likePostInput = z.object({ communityId, postId: docId('postId') });

export const listPostsInput = z.object({
  communityId,
  status: z.enum(['approved', 'pending', 'mine'], { error: 'status 只能是 approved、pending 或 mine' }).default('approved'),
  cursor,
  limit,
});

export const mediaVerdictInput = z.object({
  traceId: z.string({ error: 'traceId 必须是字符串' }).min(1).max(128),
  suggest: z.enum(['pass', 'review', 'risky'], { error: 'suggest 只能是 pass、review 或 risky' }),
  label: z.string().max(40).nullish(),
});

export const reviewPostInput = z
  .object({
    communityId,
    postId: docId('postId'),
    decision: z.enum(['approve', 'reject'], { error: 'decision 只能是 approve 或 reject' }),
    points: z.number({ error: '积分必须是数字' }).int('积分必须是整数').optional(),
    reason: text('理由', 200).optional(),
  })
  .refine((input) => input.decision === 'approve' || input.reason, { message: '驳回时请写明理由，作者会看到', path: ['reason'] });

export const revokePostInput = z.object({ communityId, postId: docId('postId'), reason: text('理由', 200) });

export const commentInput = z.object({ communityId, postId: docId('postId'), body: text('评论', COMMENT_LIMIT), requestId });
export const listCommentsInput = z.object({ communityId, postId: docId('postId'), cursor, limit });
export const removeCommentInput = z.object({ communityId, commentId: docId('commentId'), reason: text('删除理由', 100) });
