import { postAfter } from '../../core/posts';
import { ids, type AppTransaction } from '../kernel/documents';
import type { CommunityDoc } from '../community/documents';
import type { PostDoc } from './documents';
import { postingTime, recordPostings } from '../kernel/ledgerWrites';
import { writeNotice, type Notice } from '../notices/notify';
import type { ContentFlag } from '../../contract/views';

/**
 * Takes a post down inside the caller's transaction: a moderator's revoke (approved posts only)
 * or the platform's take-down (any post), as core/posts.ts allows. If it was credited,
 * a reversing entry takes the points back — as many as the author still has, never below 0 —
 * and undoes them in the author's lifetime earnings. The credit itself stays on the ledger.
 */
export async function takeDown(
  tx: AppTransaction,
  found: { post: PostDoc; postId: string; community: CommunityDoc },
  why: { move: 'revoke' | 'takeDown'; reason: string; by: string | null; flag?: ContentFlag; now: Date },
): Promise<{ post: PostDoc; reversed: number; notice: Notice }> {
  const { post, postId, community } = found;
  const status = postAfter(post.status, why.move);
  let reversed = 0;
  if (post.credited && post.points > 0) {
    const author = await tx.get('members', ids.member(post.communityId, post.openid));
    reversed = Math.min(post.points, author?.balance ?? 0);
    if (author && reversed > 0) {
      await recordPostings(
        tx,
        author,
        [
          {
            id: ids.ledger('reverse', post.communityId, post.openid, postId),
            kind: 'reverse',
            delta: -reversed,
            reason: `帖子下架，收回积分：${why.reason}`,
            refId: postId,
            reverses: { kind: 'earn', delta: post.points, day: post.creditedDay ?? postingTime(community, why.now).day },
            ...(reversed < post.points ? { detail: { shortfall: post.points - reversed } } : {}),
          },
        ],
        postingTime(community, why.now),
      );
    }
  }
  const at = why.now.toISOString();
  const changes: Partial<PostDoc> = {
    status,
    reason: why.reason,
    updatedAt: at,
    sortKey: `${at}|${postId}`,
    ...(why.by ? { reviewedBy: why.by, reviewedAt: at } : {}),
    ...(why.flag ? { flag: why.flag } : {}),
  };
  await tx.update('posts', postId, changes);
  const notice: Notice = {
    communityId: post.communityId,
    openid: post.openid,
    kind: 'post_removed',
    refId: postId,
    title: reversed ? `你的帖子已下架，收回 ${reversed} 积分` : '你的帖子已下架',
    body: why.reason,
    points: -reversed,
  };
  await writeNotice(tx, notice, why.now);
  return { post: { ...post, ...changes }, reversed, notice };
}
