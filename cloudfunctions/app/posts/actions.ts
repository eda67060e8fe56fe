import type { Api } from '../../contract/api';
import { action, type ActionsOf } from '../kernel/dispatch';
import { createPost } from './createPost';
import { likePost } from './likePost';
import { listPosts } from './listPosts';
import { mediaVerdict } from './mediaVerdict';
import { reviewPost } from './reviewPost';
import { revokePost } from './revokePost';
import { commentOnPost } from './commentOnPost';
import { listComments } from './listComments';
import { removeComment } from './removeComment';
import {
  commentInput,
  createPostInput,
  likePostInput,
  listCommentsInput,
  listPostsInput,
  mediaVerdictInput,
  removeCommentInput,
  reviewPostInput,
  revokePostInput,
} from './inputs';

/** The `posts` cloud function's actions (API.md), plus revoke and the platform's image verdicts. */
export const postsActions = {
  create: action(createPostInput, createPost),
  review: action(reviewPostInput, reviewPost),
  revoke: action(revokePostInput, revokePost),
  list: action(listPostsInput, listPosts),
  like: action(likePostInput, likePost),
  comment: action(commentInput, commentOnPost),
  comments: action(listCommentsInput, listComments),
  removeComment: action(removeCommentInput, removeComment),
  mediaVerdict: action(mediaVerdictInput, mediaVerdict, 'platform'),
} satisfies ActionsOf<Api['posts']>;
