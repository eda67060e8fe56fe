import type * as z from 'zod';
import { earningOf, rememberPrint } from '../../core/content';
import { refuse } from '../../core/errors';
import { refusals } from '../../core/refusals';
import { increment } from '../../store/port';
import { activeMemberIn, ofCommunity, requireMember } from '../kernel/access';
import { recordActivity } from '../kernel/activity';
import { screenShortText } from '../kernel/contentScreening';
import type { Caller, Deps } from '../kernel/context';
import { cappedField, creditToday } from '../kernel/dailyCaps';
import { ids } from '../kernel/documents';
import type { CommentDoc } from './documents';
import { requestKey } from '../kernel/idempotency';
import { postingTime } from '../kernel/ledgerWrites';
import { writeNotice } from '../notices/notify';
import { commentInput } from './inputs';
import { toComment } from './views';
import type { NoPoints } from '../../contract/views';

/**
 * A member comments on an approved post. The text is screened first (no review queue for
 * comments, so doubtful text is refused naming what to change). It earns the rule's points —
 * never on one's own post, for a copy or near-copy of one's earlier writing (the fingerprints
 * posts use), or past the day's cap — in the transaction that stores it; the post's author is
 * told. The comment's id is the request's, so a replay answers the comment as it was made.
 */
export async function commentOnPost(input: z.output<typeof commentInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const { community } = await requireMember(store, input.communityId, caller.openid);
  await screenShortText(deps, { openid: caller.openid, scene: 'comment', text: input.body, what: '评论' });
  const id = requestKey('posts.comment', input.communityId, caller.openid, input.requestId);
  const time = postingTime(community, caller.now);
  const rule = community.rules.comment;

  return store.transaction(async (tx) => {
    const earlier = await tx.get('comments', id);
    if (earlier) {
      if (earlier.postId !== input.postId || earlier.body !== input.body) refusals.idempotencyMismatch();
      return answerOf({ ...earlier, _id: id });
    }
    const member = await activeMemberIn(tx, input.communityId, caller.openid);
    const post = ofCommunity(await tx.get('posts', input.postId), input.communityId, refusals.noPost);
    if (post.status !== 'approved') refuse('NOT_FOUND', '帖子不存在或还没通过审核');

    const own = post.openid === caller.openid;
    const earning = earningOf('comment', input.body, member.recentContent);
    const noPoints: NoPoints | null = own ? null : earning.earns ? null : { reason: earning.reason, message: earning.message };
    const earns = !own && earning.earns && rule.points > 0;
    const credited =
      earns && (await creditToday(tx, { communityId: input.communityId, openid: caller.openid, day: time.day }, 'comment', rule.dailyCap));
    const points = credited ? rule.points : 0;
    await recordActivity(tx, member, time, {
      postings: points
        ? [
            {
              id: ids.ledger('earn', input.communityId, caller.openid, `comment:${id}`),
              kind: 'earn',
              delta: points,
              reason: '评论',
              refId: input.postId,
            },
          ]
        : [],
      extra: { recentContent: rememberPrint(member.recentContent, 'comment', id, input.body, caller.now) },
    });
    const at = caller.now.toISOString();
    const doc: CommentDoc = {
      communityId: input.communityId,
      postId: input.postId,
      openid: caller.openid,
      nickname: member.nickname,
      body: input.body,
      status: 'visible',
      points,
      capped: earns && !credited,
      noPoints,
      removedBy: null,
      reason: null,
      createdAt: at,
      sortKey: `${input.postId}|${at}|${id}`,
    };
    await tx.create('comments', id, doc);
    await tx.update('posts', input.postId, { comments: increment(1) });
    if (!own) {
      await writeNotice(
        tx,
        {
          communityId: input.communityId,
          openid: post.openid,
          kind: 'post_commented',
          refId: id,
          title: `${member.nickname} 评论了你的帖子`,
          body: input.body.slice(0, 60),
          points: 0,
        },
        caller.now,
      );
    }
    return answerOf({ ...doc, _id: id });
  });
}

const answerOf = (comment: CommentDoc & { _id: string }) => ({
  comment: toComment(comment),
  awarded: comment.points,
  ...cappedField(comment.capped),
  ...(comment.noPoints ? { noPoints: comment.noPoints } : {}),
});
