import { makeAutoObservable, runInAction } from 'mobx';
import type { PostView } from '../../cloudfunctions/app/api';
import { MAX_POST_IMAGES } from '../../cloudfunctions/core/content';
import type { Gateway } from '../gateway/gateway';
import type { ImageUploader } from '../gateway/uploader';
import { messageOf } from './errors';

export type PostsTab = 'feed' | 'mine';

/** What a member reads next to one of their posts. */
export function statusLine(post: PostView): string {
  switch (post.status) {
    case 'pending':
      return '审核中';
    case 'approved':
      return post.points ? `已通过 +${post.points} 积分` : '已通过';
    case 'rejected':
      return `未通过：${post.reason ?? ''}`;
    case 'removed':
      return `已下架：${post.reason ?? ''}`;
  }
}

/** The community feed, my posts with their review status, likes, and writing a post with photos. */
export class PostsStore {
  tab: PostsTab = 'feed';
  feed: PostView[] = [];
  mine: PostView[] = [];
  private cursors: Record<PostsTab, string | null> = { feed: null, mine: null };
  loading = false;
  error: string | null = null;

  /** The post being written. */
  draft = { body: '', images: [] as string[] };
  uploading = false;
  submitting = false;
  /** After submitting: what happens next, in one line (review, and whether it can earn). */
  private submitted: { postId: string; message: string } | null = null;

  constructor(
    private readonly gateway: Gateway,
    private readonly communityId: () => string | null,
    private readonly uploader?: ImageUploader,
  ) {
    makeAutoObservable<PostsStore, 'gateway' | 'communityId' | 'uploader'>(this, { gateway: false, communityId: false, uploader: false });
  }

  /** The line shown over my posts while the post I just sent waits for review. */
  get submittedNote(): string | null {
    const waiting = this.submitted && this.mine.find((p) => p.id === this.submitted!.postId && p.status === 'pending');
    return waiting ? this.submitted!.message : null;
  }

  get shown(): PostView[] {
    return this.tab === 'feed' ? this.feed : this.mine;
  }

  get hasMore(): boolean {
    return this.cursors[this.tab] !== null;
  }

  async show(tab: PostsTab): Promise<void> {
    this.tab = tab;
    await this.load();
  }

  async load(more = false): Promise<void> {
    const communityId = this.communityId();
    if (!communityId || this.loading) return;
    const tab = this.tab;
    this.loading = true;
    try {
      const { posts, nextCursor } = await this.gateway.call('posts', 'list', {
        communityId,
        status: tab === 'feed' ? 'approved' : 'mine',
        cursor: more ? this.cursors[tab] : null,
        limit: 20,
      });
      runInAction(() => {
        this[tab] = more ? [...this[tab], ...posts] : posts;
        this.cursors[tab] = nextCursor;
        this.error = null;
      });
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    } finally {
      runInAction(() => (this.loading = false));
    }
  }

  /** Likes at once on screen; the server's count replaces the guess, or the guess is undone. */
  async like(postId: string): Promise<void> {
    const communityId = this.communityId();
    const post = this.feed.find((p) => p.id === postId);
    if (!communityId || !post || post.likedByMe) return;
    post.likedByMe = true;
    post.likes += 1;
    try {
      const { likes } = await this.gateway.call('posts', 'like', { communityId, postId });
      runInAction(() => (post.likes = likes));
    } catch (error) {
      runInAction(() => {
        post.likedByMe = false;
        post.likes -= 1;
        this.error = messageOf(error);
      });
    }
  }

  /** Staff take an approved post down from the feed; its points go back. */
  async revoke(postId: string, reason: string): Promise<number | null> {
    const communityId = this.communityId();
    if (!communityId) return null;
    try {
      const { reversed } = await this.gateway.call('posts', 'revoke', { communityId, postId, reason });
      runInAction(() => {
        this.feed = this.feed.filter((p) => p.id !== postId);
        this.error = null;
      });
      return reversed;
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
      return null;
    }
  }

  setBody(body: string): void {
    this.draft.body = body;
  }

  get imagesLeft(): number {
    return MAX_POST_IMAGES - this.draft.images.length;
  }

  async addImages(): Promise<void> {
    if (!this.uploader || this.imagesLeft <= 0 || this.uploading) return;
    this.uploading = true;
    try {
      const added = await this.uploader.pickAndUpload(this.imagesLeft);
      runInAction(() => (this.draft.images = [...this.draft.images, ...added].slice(0, MAX_POST_IMAGES)));
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    } finally {
      runInAction(() => (this.uploading = false));
    }
  }

  removeImage(index: number): void {
    this.draft.images = this.draft.images.filter((_, i) => i !== index);
  }

  get canSubmit(): boolean {
    return this.draft.body.trim().length > 0 && !this.submitting && !this.uploading;
  }

  /** Sends the draft; on success the draft is cleared and my posts show it as 审核中. */
  async submit(): Promise<boolean> {
    const communityId = this.communityId();
    if (!communityId || !this.canSubmit) return false;
    this.submitting = true;
    try {
      const { post } = await this.gateway.call('posts', 'create', { communityId, body: this.draft.body, images: this.draft.images });
      runInAction(() => {
        this.draft = { body: '', images: [] };
        this.mine = [post, ...this.mine];
        this.submitted = { postId: post.id, message: post.noPoints ? `已提交审核。${post.noPoints.message}` : '已提交审核，通过后会通知你并发放积分' };
        this.error = null;
      });
      return true;
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
      return false;
    } finally {
      runInAction(() => (this.submitting = false));
    }
  }
}
