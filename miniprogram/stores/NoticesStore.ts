import { makeAutoObservable, runInAction } from 'mobx';
import type { NoticeView } from '../../cloudfunctions/app/api';
import type { Gateway } from '../gateway/gateway';
import { messageOf } from './errors';

/** My in-app notices: review outcomes and accepted answers. */
export class NoticesStore {
  notices: NoticeView[] = [];
  unread = 0;
  error: string | null = null;

  constructor(
    private readonly gateway: Gateway,
    private readonly communityId: () => string | null,
  ) {
    makeAutoObservable<NoticesStore, 'gateway' | 'communityId'>(this, { gateway: false, communityId: false });
  }

  get badge(): string {
    return this.unread > 99 ? '99+' : String(this.unread);
  }

  async load(): Promise<void> {
    const communityId = this.communityId();
    if (!communityId) return;
    try {
      const { notices, unread } = await this.gateway.call('notices', 'list', { communityId, limit: 50 });
      runInAction(() => {
        this.notices = notices;
        this.unread = unread;
        this.error = null;
      });
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    }
  }

  /** Once read on screen, the badge clears; the list keeps showing which ones were new. */
  async markAllRead(): Promise<void> {
    const communityId = this.communityId();
    if (!communityId || this.unread === 0) return;
    try {
      await this.gateway.call('notices', 'read', { communityId });
      runInAction(() => (this.unread = 0));
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    }
  }
}
