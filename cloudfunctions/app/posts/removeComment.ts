import type * as z from 'zod';
import { refuse } from '../../core/errors';
import { STAFF } from '../../core/roles';
import { increment } from '../../store/port';
import { ofCommunity, requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import { postingTime, recordPostings } from '../kernel/ledgerWrites';
import { writeNotice } from '../notices/notify';
import { removeCommentInput } from './inputs';

/**
 * Staff remove a comment with a reason: it leaves the thread, the points it earned come back off
 * its author (as many as they have, as one reversal named by the comment, so once), the author
 * is told why, and it is audited. Removing it again is ALREADY_DONE.
 */
export async function removeComment(input: z.output<typeof removeCommentInput>, caller: Caller, { store }: Deps) {
  const { community } = await requireMember(store, input.communityId, caller.openid, STAFF);
  return store.transaction(async (tx) => {
    const comment = ofCommunity(await tx.get('comments', input.commentId), input.communityId, () => refuse('NOT_FOUND', '评论不存在'));
    if (comment.status === 'removed') refuse('ALREADY_DONE', '这条评论已经删除了');
    const author = await tx.get('members', ids.member(input.communityId, comment.openid));
    const earnedId = ids.ledger('earn', input.communityId, comment.openid, `comment:${comment._id}`);
    const take = author && comment.points > 0 ? Math.min(comment.points, author.balance) : 0;
    if (author && take > 0) {
      const earned = await tx.get('ledger', earnedId);
      await recordPostings(
        tx,
        author,
        [
          {
            id: ids.ledger('reverse', input.communityId, comment.openid, `comment:${comment._id}`),
            kind: 'reverse',
            delta: -take,
            reason: `评论被删除：${input.reason}`,
            refId: comment._id,
            reverses: { kind: 'earn', delta: comment.points, day: earned?.day ?? postingTime(community, caller.now).day },
          },
        ],
        postingTime(community, caller.now),
      );
    }
    const at = caller.now.toISOString();
    await tx.update('comments', comment._id, {
      status: 'removed',
      removedBy: caller.openid,
      reason: input.reason,
      sortKey: `removed|${at}|${comment._id}`,
    });
    await tx.update('posts', comment.postId, { comments: increment(-1) });
    await writeNotice(
      tx,
      {
        communityId: input.communityId,
        openid: comment.openid,
        kind: 'comment_removed',
        refId: comment._id,
        title: '你的评论被删除了',
        body: input.reason,
        points: -take,
      },
      caller.now,
    );
    await recordAudit(
      tx,
      {
        communityId: input.communityId,
        action: 'posts.removeComment',
        target: comment._id,
        detail: { author: comment.openid, post: comment.postId, reason: input.reason, reversed: take },
      },
      caller,
    );
    return { removed: true as const, reversed: take };
  });
}
