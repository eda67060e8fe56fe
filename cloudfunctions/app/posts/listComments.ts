import type * as z from 'zod';
import { refusals } from '../../core/refusals';
import { ofCommunity, requireMember } from '../kernel/access';
import type { Caller, Deps } from '../kernel/context';
import { pageOf } from '../kernel/paging';
import { wornBy } from '../kernel/wornBy';
import { listCommentsInput } from './inputs';
import { toComment } from './views';

/** A post's comments, oldest first, a page at a time (removed ones are gone from the thread). */
export async function listComments(input: z.output<typeof listCommentsInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid);
  const post = ofCommunity(await store.get('posts', input.postId), input.communityId, refusals.noPost);
  if (post.status !== 'approved') refusals.noPost();
  const page = await pageOf(
    store,
    'comments',
    { communityId: input.communityId, sortKey: { gt: `${input.postId}|`, lt: `${input.postId}|\uffff` } },
    { cursor: input.cursor, limit: input.limit, order: 'asc' },
  );
  const wornOf = await wornBy(
    store,
    input.communityId,
    page.rows.map((c) => c.openid),
    caller.now,
  );
  return { comments: page.rows.map((c) => ({ ...toComment(c), worn: wornOf(c.openid) })), nextCursor: page.nextCursor };
}
