import * as z from 'zod';
import { rulesFor } from '../../core/campaigns';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { loadCommunity, activeMemberIn } from '../kernel/access';
import { cappedField, creditToday } from '../kernel/dailyCaps';
import { ids } from '../kernel/documents';
import type { LikeDoc } from './documents';
import { recordActivity } from '../kernel/activity';
import { postingTime } from '../kernel/ledgerWrites';
import { engagementContext, engagementOf } from '../kernel/engagement';
import { actionPoints } from '../../core/engagement';
import { likePostInput } from './inputs';

/**
 * A member likes an approved post: once per post, ever. The liker earns the like points up to
 * the daily cap; past it the like still counts, for nothing. Liking one's own post is refused.
 */
export async function likePost(input: z.output<typeof likePostInput>, caller: Caller, { store }: Deps) {
  const community = await loadCommunity(store, input.communityId);
  const time = postingTime(community, caller.now);
  const likeId = ids.like(input.postId, caller.openid);
  const ctx = engagementContext(community, caller.now, time.day);

  return store.transaction(async (tx) => {
    const member = await activeMemberIn(tx, input.communityId, caller.openid);
    const post = await tx.get('posts', input.postId);
    if (!post || post.communityId !== input.communityId || post.status !== 'approved')
      return refuse('NOT_FOUND', '帖子不存在或还没通过审核');
    if (post.openid === caller.openid) refuse('FORBIDDEN', '不能给自己的帖子点赞');
    if (await tx.get('likes', likeId)) return { liked: true, awarded: 0, likes: post.likes };
    const rule = rulesFor(community.rules, community.campaigns ?? [], member, caller.now).like;

    const earns = rule.points > 0;
    const credited =
      earns && (await creditToday(tx, { communityId: input.communityId, openid: caller.openid, day: time.day }, 'like', rule.dailyCap));
    const earned = credited ? actionPoints(member, 'like', rule.points, ctx) : null;
    const awarded = earned?.points ?? 0;
    const engaged = engagementOf(member, { gains: {}, earned: awarded }, ctx, likeId);
    // A like past the cap earns nothing and is activity all the same.
    await recordActivity(tx, member, time, {
      postings: [
        {
          id: ids.ledger('like', input.communityId, caller.openid, input.postId),
          kind: 'earn',
          delta: awarded,
          reason: '点赞好帖',
          refId: input.postId,
          ...(earned?.detail ? { detail: earned.detail } : {}),
        },
        ...engaged.postings,
      ],
      extra: engaged.changes,
    });
    await engaged.notify(tx);
    await tx.set('likes', likeId, {
      communityId: input.communityId,
      postId: input.postId,
      openid: caller.openid,
      awarded,
      createdAt: time.now.toISOString(),
    } satisfies LikeDoc);
    await tx.update('posts', input.postId, { likes: post.likes + 1 });
    return { liked: true, awarded, likes: post.likes + 1, ...cappedField(earns && !credited) };
  });
}
