import type { CommentDoc, PostDoc } from './documents';
import type { PostView, CommentView } from '../../contract/views';

export const toPost = (post: PostDoc & { _id: string }, likedByMe = false): PostView => ({
  id: post._id,
  status: post.status,
  body: post.body,
  images: post.images,
  author: { openid: post.openid, nickname: post.nickname },
  likes: post.likes,
  comments: post.comments ?? 0,
  likedByMe,
  points: post.points,
  reason: post.reason,
  flag: post.flag,
  noPoints: post.noPoints,
  createdAt: post.createdAt,
  reviewedAt: post.reviewedAt,
});

export const toComment = (comment: CommentDoc & { _id: string }): CommentView => ({
  id: comment._id,
  postId: comment.postId,
  author: comment.openid,
  nickname: comment.nickname,
  body: comment.body,
  createdAt: comment.createdAt,
});
