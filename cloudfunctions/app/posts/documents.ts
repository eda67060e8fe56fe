/** Stored documents of the area (the collections are listed in kernel/documents.ts). Experience posts, their likes and comments, and late image checks. */
import type { ContentFlag, NoPoints } from '../../contract/views';
import type { PostStatus } from '../../core/posts';

/**
 * A comment on an approved post (`{communityId}:{digest of author and requestId}`): shown to all,
 * oldest first under its post; what it earned is kept so a removal takes exactly that back.
 */
export interface CommentDoc {
  communityId: string;
  postId: string;
  openid: string;
  nickname: string;
  body: string;
  status: 'visible' | 'removed';
  /** Points it earned (0: one's own post, a copy, past the day's cap, or comments earn nothing). */
  points: number;
  capped: boolean;
  /** Why it earned nothing, when it could have. */
  noPoints: NoPoints | null;
  removedBy: string | null;
  reason: string | null;
  createdAt: string;
  /** postId|createdAt|id while shown (a post's thread in order); `removed|…` once removed. */
  sortKey: string;
}

export interface PostDoc {
  communityId: string;
  openid: string;
  nickname: string;
  body: string;
  images: string[];
  status: PostStatus;
  flag: ContentFlag | null;
  noPoints: NoPoints | null;
  /** Points credited on approval; a post is credited at most once, ever. */
  points: number;
  credited: boolean;
  /** The community day of the credit, so a reversal undoes the right period's earnings. */
  creditedDay: string | null;
  /** The reviewer's reason for a rejection or a removal. */
  reason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  likes: number;
  /** Comments shown under it (absent on posts older than comments: 0). */
  comments?: number;
  createdAt: string;
  updatedAt: string;
  /** updatedAt|id: lists show the latest change first (the review queue, oldest first). */
  sortKey: string;
}

export interface LikeDoc {
  communityId: string;
  postId: string;
  openid: string;
  awarded: number;
  createdAt: string;
}

/** A pending asynchronous image check, found again by the traceId its verdict carries. */
export interface MediaCheckDoc {
  communityId: string;
  postId: string;
  fileId: string;
  suggest: string | null;
  createdAt: string;
}
