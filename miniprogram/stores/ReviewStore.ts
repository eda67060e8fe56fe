import { makeAutoObservable, runInAction } from 'mobx';
import type { AnswerView, PostView, Rules } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import { Request } from './request';

/** Reasons a moderator picks in one tap; the author reads them. */
export const REJECT_REASONS = ['内容与社群主题无关', '请补充真实的使用体验', '图片不清晰或与内容无关', '含有广告或联系方式'];

/** Owner and moderators: the review queue of posts, and Q&A answers held by content security. */
export class ReviewStore {
  posts: PostView[] = [];
  answers: AnswerView[] = [];
  morePosts = false;
  /** Points chosen per post; defaults to the community's minimum. */
  chosen: Record<string, number> = {};
  notice: string | null = null;
  /** The queue has been read at least once: only then can it say it is empty. */
  loaded = false;
  /** One staff action at a time: the queue changes under each one. */
  private readonly request = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly rules: () => Rules | null,
  ) {
    makeAutoObservable<ReviewStore, 'community' | 'rules' | 'request'>(this, { community: false, rules: false, request: false });
  }

  get busy(): boolean {
    return this.request.pending;
  }

  get error(): string | null {
    return this.request.error;
  }

  /** The points choices offered: the range's ends and its middle. */
  get pointChoices(): number[] {
    const rule = this.rules()?.post;
    if (!rule) return [];
    return [...new Set([rule.minPoints, Math.round((rule.minPoints + rule.maxPoints) / 2 / 10) * 10, rule.maxPoints])].sort(
      (a, b) => a - b,
    );
  }

  pointsFor(postId: string): number {
    return this.chosen[postId] ?? this.pointChoices[0] ?? 0;
  }

  choose(postId: string, points: number): void {
    this.chosen[postId] = points;
  }

  get count(): string {
    return `${this.posts.length}${this.morePosts ? '+' : ''}`;
  }

  async load(): Promise<void> {
    await this.run(async () => {
      const [{ posts, nextCursor }, { answers }] = await Promise.all([
        this.community.call('posts', 'list', { status: 'pending', limit: 50 }),
        this.community.call('qa', 'heldAnswers', { limit: 50 }),
      ]);
      runInAction(() => {
        this.posts = posts;
        this.answers = answers;
        this.morePosts = nextCursor !== null;
        this.loaded = true;
      });
    });
  }

  async approve(postId: string): Promise<boolean> {
    return this.run(async () => {
      const { awarded, capped, noPoints } = await this.community.call('posts', 'review', {
        postId,
        decision: 'approve',
        points: this.pointsFor(postId),
      });
      this.done(
        postId,
        noPoints ? `已通过，${noPoints.message}` : capped ? '已通过；作者今天的帖子积分已达上限' : `已通过，作者获得 ${awarded} 积分`,
      );
    });
  }

  async reject(postId: string, reason: string): Promise<boolean> {
    return this.run(async () => {
      await this.community.call('posts', 'review', { postId, decision: 'reject', reason });
      this.done(postId, '已驳回，作者会看到理由');
    });
  }

  async moderateAnswer(answerId: string, decision: 'release' | 'remove'): Promise<boolean> {
    return this.run(async () => {
      await this.community.call('qa', 'moderate', { kind: 'answer', id: answerId, decision });
      runInAction(() => {
        this.answers = this.answers.filter((a) => a.id !== answerId);
        this.notice = decision === 'release' ? '已放行' : '已删除';
      });
    });
  }

  /** A message belongs to the page that raised it. */
  clearNotice(): void {
    this.notice = null;
  }

  private done(postId: string, notice: string): void {
    runInAction(() => {
      this.posts = this.posts.filter((p) => p.id !== postId);
      this.notice = notice;
    });
  }

  private async run(work: () => Promise<void>): Promise<boolean> {
    return (await this.request.run(work)).done;
  }
}
