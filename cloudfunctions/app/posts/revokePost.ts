import * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { ofCommunity, requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import { STAFF } from '../../core/roles';
import { sendNotice } from '../notices/notify';
import { takeDown } from './takeDown';
import { toPost } from './views';
import { revokePostInput } from './inputs';
import { refusals } from '../../core/refusals';

/** A moderator withdraws an approval (found copied, broke a rule): the post comes down and its points go back. */
export async function revokePost(input: z.output<typeof revokePostInput>, caller: Caller, deps: Deps) {
  const { community } = await requireMember(deps.store, input.communityId, caller.openid, STAFF);
  const outcome = await deps.store.transaction(async (tx) => {
    const post = ofCommunity(await tx.get('posts', input.postId), input.communityId, refusals.noPost);
    const taken = await takeDown(
      tx,
      { post, postId: input.postId, community },
      { move: 'revoke', reason: input.reason, by: caller.openid, now: caller.now },
    );
    await recordAudit(
      tx,
      {
        communityId: input.communityId,
        action: 'posts.revoke',
        target: input.postId,
        detail: { author: post.openid, reason: input.reason, reversed: taken.reversed },
      },
      caller,
    );
    return taken;
  });
  await sendNotice(deps, outcome.notice, outcome.post.body, '/pages/feed/index?tab=mine');
  return { post: toPost({ ...outcome.post, _id: input.postId }), reversed: outcome.reversed };
}
