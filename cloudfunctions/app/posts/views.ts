import type { Worn } from '../../core/wearables';
import type { CommentDoc, PostDoc } from '../kernel/documents';

/** A post as members and moderators see it. `flag` and `noPoints` are for its author and staff. */
export interface PostView {
  id: string;
  status: PostDoc['status'];
  body: string;
  images: string[];
  /** `worn`: the title and frame worn now, in lists (API v3). */
  author: { openid: string; nickname: string; worn?: Worn };
  likes: number;
  /** Comments shown under it (v3). */
  comments: number;
  likedByMe: boolean;
  points: number;
  reason: string | null;
  flag: PostDoc['flag'];
  noPoints: PostDoc['noPoints'];
  createdAt: string;
  reviewedAt: string | null;
}

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

/** A comment as the thread shows it (API v3 posts.comments). */
export interface CommentView {
  id: string;
  postId: string;
  author: string;
  nickname: string;
  /** The title and frame the author wears now. */
  worn?: Worn;
  body: string;
  createdAt: string;
}

export const toComment = (comment: CommentDoc & { _id: string }): CommentView => ({
  id: comment._id,
  postId: comment.postId,
  author: comment.openid,
  nickname: comment.nickname,
  body: comment.body,
  createdAt: comment.createdAt,
});
