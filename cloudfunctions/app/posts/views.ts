import type { PostDoc } from '../documents';

/** A post as members and moderators see it. `flag` and `noPoints` are for its author and staff. */
export interface PostView {
  id: string;
  status: PostDoc['status'];
  body: string;
  images: string[];
  author: { openid: string; nickname: string };
  likes: number;
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
  likedByMe,
  points: post.points,
  reason: post.reason,
  flag: post.flag,
  noPoints: post.noPoints,
  createdAt: post.createdAt,
  reviewedAt: post.reviewedAt,
});
