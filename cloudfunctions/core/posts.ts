import { refuse } from './errors';

/** A post's life: pending -> approved | rejected; rejected -> approved (a second look); approved -> removed. */
export type PostStatus = 'pending' | 'approved' | 'rejected' | 'removed';

/** What a moderator (or the platform's image check) does to a post. */
export type PostMove = 'approve' | 'reject' | 'revoke' | 'takeDown';

/**
 * The status a move leads to, or the refusal that says why it cannot be made. A move that is
 * already done (approving an approved post) is ALREADY_DONE, so a repeated tap is harmless.
 * A take-down (a risky image verdict) removes a post in any state.
 */
export function postAfter(status: PostStatus, move: PostMove): PostStatus {
  switch (move) {
    case 'approve':
      if (status === 'approved') refuse('ALREADY_DONE', '这篇帖子已经通过了');
      if (status === 'removed') refuse('CONFLICT', '这篇帖子已下架');
      return 'approved';
    case 'reject':
      if (status === 'approved') refuse('ALREADY_DONE', '这篇帖子已经通过了');
      if (status === 'removed') refuse('CONFLICT', '这篇帖子已下架');
      if (status === 'rejected') refuse('ALREADY_DONE', '这篇帖子已经驳回了');
      return 'rejected';
    case 'revoke':
      if (status === 'removed') refuse('ALREADY_DONE', '这篇帖子已经下架了');
      if (status !== 'approved') refuse('CONFLICT', '只有已通过的帖子可以撤销；待审核的请直接驳回');
      return 'removed';
    case 'takeDown':
      if (status === 'removed') refuse('ALREADY_DONE', '这篇帖子已经下架了');
      return 'removed';
  }
}
