import * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { activeMemberIn, requireMember } from '../kernel/access';
import { screenText } from '../kernel/contentScreening';
import { judgeContribution } from '../kernel/contributions';
import type { MediaCheckDoc, PostDoc } from './documents';
import { postingTime } from '../kernel/ledgerWrites';
import { toPost } from './views';
import { createPostInput } from './inputs';

/**
 * A member shares an experience. The text passes content security first (risky text is
 * refused, doubtful text is flagged for the reviewer); the post starts pending. Whether it can
 * earn is decided now, against the author's recent posts and answers, and said in the answer,
 * so a copy or a near-copy earns nothing however it is later reviewed. Images are checked
 * asynchronously once the post exists; a late "risky" verdict takes the post down.
 */
export async function createPost(input: z.output<typeof createPostInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  // Members only, checked before the text goes to the platform's content check.
  const { community } = await requireMember(store, input.communityId, caller.openid);
  const flag = await screenText(deps, { openid: caller.openid, scene: 'forum', text: input.body });
  const postId = deps.newId();
  const at = caller.now.toISOString();

  const post = await store.transaction(async (tx) => {
    const member = await activeMemberIn(tx, input.communityId, caller.openid);
    const noPoints = await judgeContribution(
      tx,
      member,
      { kind: 'post', id: postId, text: input.body },
      postingTime(community, caller.now),
    );
    const doc: PostDoc = {
      communityId: input.communityId,
      openid: caller.openid,
      nickname: member.nickname,
      body: input.body,
      images: input.images,
      status: 'pending',
      flag,
      noPoints,
      points: 0,
      credited: false,
      creditedDay: null,
      reason: null,
      reviewedBy: null,
      reviewedAt: null,
      likes: 0,
      createdAt: at,
      updatedAt: at,
      sortKey: `${at}|${postId}`,
    };
    await tx.set('posts', postId, doc);
    return { ...doc, _id: postId };
  });

  await startImageChecks(deps, post, caller);
  return { post: toPost(post) };
}

/** Outside the transaction (it calls the platform): one check per image, remembered by traceId. */
async function startImageChecks(deps: Deps, post: PostDoc & { _id: string }, caller: Caller): Promise<void> {
  for (const fileId of post.images) {
    try {
      const { traceId } = await deps.platform.content.startImageCheck({ openid: caller.openid, fileId });
      const check: MediaCheckDoc = {
        communityId: post.communityId,
        postId: post._id,
        fileId,
        suggest: null,
        createdAt: caller.now.toISOString(),
      };
      await deps.store.transaction((tx) => tx.set('mediaChecks', traceId, check));
    } catch (error) {
      // The reviewer still sees every image before approving; a failed check is not a lost post.
      deps.log?.('image check not started', error);
    }
  }
}
