import { action, type Actions } from '../dispatch';
import { createPost, createPostInput } from './createPost';
import { likePost, likePostInput } from './likePost';
import { listPosts, listPostsInput } from './listPosts';
import { mediaVerdict, mediaVerdictInput } from './mediaVerdict';
import { reviewPost, reviewPostInput } from './reviewPost';
import { revokePost, revokePostInput } from './revokePost';

/** The `posts` cloud function's actions (API.md), plus revoke and the platform's image verdicts. */
export const postsActions = {
  create: action(createPostInput, createPost),
  review: action(reviewPostInput, reviewPost),
  revoke: action(revokePostInput, revokePost),
  list: action(listPostsInput, listPosts),
  like: action(likePostInput, likePost),
  mediaVerdict: action(mediaVerdictInput, mediaVerdict, 'platform'),
} satisfies Actions;
