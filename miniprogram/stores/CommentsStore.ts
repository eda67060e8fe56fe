import { makeAutoObservable, runInAction } from 'mobx';
import type { CommentView } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { Intents } from '../gateway/gateway';
import { Request } from './request';
import { COMMENT_LIMIT } from '../../cloudfunctions/core/limits';

/** What to fix in a comment before it is sent; null when it can go. */
export function commentProblem(body: string): string | null {
  const text = body.trim();
  if (!text) return '写点什么吧';
  return text.length > COMMENT_LIMIT ? `评论最多 ${COMMENT_LIMIT} 个字` : null;
}

/**
 * A post's thread: its comments oldest first, a page at a time, and the member's own comment —
 * sent once however often it is tapped, with what it earned (or why not) said beside the box.
 */
export class CommentsStore {
  postId: string | null = null;
  comments: CommentView[] = [];
  cursor: string | null = null;
  draft = '';
  /** What the last comment earned, in words. */
  notice: string | null = null;
  readonly loading = new Request('refresh');
  readonly sending = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly intents: Intents,
  ) {
    makeAutoObservable<CommentsStore, 'community' | 'intents'>(this, { community: false, intents: false, loading: false, sending: false });
  }

  async open(postId: string): Promise<void> {
    runInAction(() => ((this.postId = postId), (this.comments = []), (this.cursor = null), (this.notice = null)));
    await this.more();
  }

  async more(): Promise<void> {
    const postId = this.postId;
    if (!postId) return;
    const cursor = this.cursor;
    const outcome = await this.loading.run(() => this.community.call('posts', 'comments', { postId, cursor, limit: 20 }));
    if (!outcome.done || postId !== this.postId || cursor !== this.cursor) return;
    // The first page replaces: a thread opened twice at once (a page and its reload) is not shown twice.
    runInAction(
      () => (
        (this.comments = cursor ? [...this.comments, ...outcome.value.comments] : outcome.value.comments),
        (this.cursor = outcome.value.nextCursor)
      ),
    );
  }

  setDraft(text: string): void {
    this.draft = text;
  }

  async send(): Promise<boolean> {
    const postId = this.postId;
    const body = this.draft.trim();
    if (!postId || commentProblem(body)) return false;
    const outcome = await this.sending.run(() =>
      this.intents.send(`posts.comment:${postId}:${body}`, (requestId) =>
        this.community.call('posts', 'comment', { postId, body, requestId }),
      ),
    );
    if (!outcome.done) return false;
    const { comment, awarded, capped, noPoints } = outcome.value;
    runInAction(() => {
      // The thread shows it at once if every earlier page is here; otherwise it comes with the last page.
      if (!this.cursor) this.comments = [...this.comments, comment];
      this.draft = '';
      this.notice = awarded
        ? `评论成功，+${awarded} 积分`
        : capped
          ? '评论成功（今天的评论积分已满）'
          : noPoints
            ? `评论成功（${noPoints.message}）`
            : '评论成功';
    });
    return true;
  }

  /** Staff take a comment down with a reason; its points go back. */
  async remove(commentId: string, reason: string): Promise<boolean> {
    const outcome = await this.sending.run(() => this.community.call('posts', 'removeComment', { commentId, reason }));
    if (outcome.done) runInAction(() => (this.comments = this.comments.filter((c) => c.id !== commentId)));
    return outcome.done;
  }
}
