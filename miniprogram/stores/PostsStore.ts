import { meaningfulLength, MIN_MEANINGFUL_LENGTH } from '../../cloudfunctions/core/content';
import { makeAutoObservable, runInAction } from 'mobx';
import type { PostView } from '../../cloudfunctions/contract/api';
import { MAX_POST_IMAGES } from '../../cloudfunctions/core/content';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { ImageUploader } from '../gateway/uploader';
import { Request } from './request';

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

  /** The post being written. */
  draft = { body: '', images: [] as string[] };
  /** After submitting: what happens next, in one line (review, and whether it can earn). */
  private submitted: { postId: string; message: string } | null = null;

  private readonly listing = new Request();
  private readonly acting = new Request('refresh');
  private readonly uploadingRequest = new Request();
  private readonly submission = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly uploader?: ImageUploader,
  ) {
    makeAutoObservable<PostsStore, 'community' | 'uploader' | 'listing' | 'acting' | 'uploadingRequest' | 'submission'>(this, {
      community: false,
      uploader: false,
      listing: false,
      acting: false,
      uploadingRequest: false,
      submission: false,
    });
  }

  get loading(): boolean {
    return this.listing.pending;
  }

  get submitting(): boolean {
    return this.submission.pending;
  }

  get uploading(): boolean {
    return this.uploadingRequest.pending;
  }

  get error(): string | null {
    return this.submission.error ?? this.uploadingRequest.error ?? this.acting.error ?? this.listing.error;
  }

  /** Only a failed load is worth trying again; a refused like or post says why, and trying again changes nothing. */
  get retryable(): boolean {
    return this.listing.error !== null && this.error === this.listing.error;
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
    const tab = this.tab;
    await this.listing.run(async () => {
      const { posts, nextCursor } = await this.community.call('posts', 'list', {
        status: tab === 'feed' ? 'approved' : 'mine',
        cursor: more ? this.cursors[tab] : null,
        limit: 20,
      });
      runInAction(() => {
        this[tab] = more ? [...this[tab], ...posts] : posts;
        this.cursors[tab] = nextCursor;
      });
    });
  }

  /** Likes at once on screen; the server's count replaces the guess, or the guess is undone. */
  async like(postId: string): Promise<void> {
    const post = this.feed.find((p) => p.id === postId);
    if (!post || post.likedByMe) return;
    post.likedByMe = true;
    post.likes += 1;
    const outcome = await this.acting.run(() => this.community.call('posts', 'like', { postId }));
    runInAction(() => {
      if (outcome.done) post.likes = outcome.value.likes;
      else {
        post.likedByMe = false;
        post.likes -= 1;
      }
    });
  }

  /** Staff take an approved post down from the feed; its points go back. */
  async revoke(postId: string, reason: string): Promise<number | null> {
    const outcome = await this.acting.run(() => this.community.call('posts', 'revoke', { postId, reason }));
    if (!outcome.done) return null;
    runInAction(() => (this.feed = this.feed.filter((p) => p.id !== postId)));
    return outcome.value.reversed;
  }

  setBody(body: string): void {
    this.draft.body = body;
  }

  get imagesLeft(): number {
    return MAX_POST_IMAGES - this.draft.images.length;
  }

  async addImages(): Promise<void> {
    const uploader = this.uploader;
    if (!uploader || this.imagesLeft <= 0) return;
    await this.uploadingRequest.run(async () => {
      const added = await uploader.pickAndUpload(this.imagesLeft);
      runInAction(() => (this.draft.images = [...this.draft.images, ...added].slice(0, MAX_POST_IMAGES)));
    });
  }

  removeImage(index: number): void {
    this.draft.images = this.draft.images.filter((_, i) => i !== index);
  }

  /** Characters the draft still needs to earn points (core's minimum of meaningful characters); 0 when it can. */
  get charactersToEarn(): number {
    return Math.max(0, MIN_MEANINGFUL_LENGTH.post - meaningfulLength(this.draft.body));
  }

  get canSubmit(): boolean {
    return this.draft.body.trim().length > 0 && !this.submitting && !this.uploading;
  }

  /** Sends the draft; on success the draft is cleared and my posts show it as 审核中. */
  async submit(): Promise<boolean> {
    if (!this.canSubmit) return false;
    const outcome = await this.submission.run(async () => {
      const { post } = await this.community.call('posts', 'create', { body: this.draft.body, images: this.draft.images });
      runInAction(() => {
        this.draft = { body: '', images: [] };
        this.mine = [post, ...this.mine];
        // What the member sees next is their own posts, with this one waiting in them.
        this.tab = 'mine';
        this.submitted = {
          postId: post.id,
          message: post.noPoints ? `已提交审核。${post.noPoints.message}` : '已提交审核，通过后会通知你并发放积分',
        };
      });
    });
    return outcome.done;
  }
}
