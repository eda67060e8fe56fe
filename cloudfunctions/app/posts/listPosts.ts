import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { actsAsStaff } from '../../core/roles';

import { toPost } from './views';
import { listPostsInput } from './inputs';
import { pageOf } from '../kernel/paging';
import { withWorn } from '../kernel/wornBy';

/**
 * The feed (approved, newest first), my posts (every status, with the reviewer's reason) or,
 * for staff, the review queue (pending, oldest first, flags shown). Content-security flags and
 * no-points reasons are shown to the author and staff only.
 */
export async function listPosts(input: z.output<typeof listPostsInput>, caller: Caller, { store }: Deps) {
  const { member } = await requireMember(store, input.communityId, caller.openid);
  const staff = actsAsStaff(member);
  if (input.status === 'pending' && !staff) refuse('FORBIDDEN', '只有群主和管理员可以查看待审核的帖子');

  // The review queue is oldest first; everything else newest first.
  const order = input.status === 'pending' ? 'asc' : 'desc';
  const where =
    input.status === 'mine'
      ? { communityId: input.communityId, openid: caller.openid }
      : { communityId: input.communityId, status: input.status };
  const { rows: page, nextCursor } = await pageOf(store, 'posts', where, { ...input, order });

  const liked = page.length
    ? new Set(
        (await store.find('likes', { where: { openid: caller.openid, postId: { in: page.map((p) => p._id) } } })).map(
          (like) => like.postId,
        ),
      )
    : new Set<string>();
  const posts = page.map((post) => {
    const view = toPost(post, liked.has(post._id));
    return staff || post.openid === caller.openid ? view : { ...view, flag: null, noPoints: null };
  });
  return { posts: await withWorn(store, input.communityId, posts, caller.now), nextCursor };
}
