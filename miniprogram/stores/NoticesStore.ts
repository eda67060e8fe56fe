import { makeAutoObservable, runInAction } from 'mobx';
import type { NoticeView } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import { Request } from './request';

/** My in-app notices: review outcomes and accepted answers. */
export class NoticesStore {
  notices: NoticeView[] = [];
  unread = 0;
  /** The list has been read once: only then is an empty one really empty. */
  loaded = false;
  private readonly request = new Request('refresh');

  constructor(private readonly community: CommunityGateway) {
    makeAutoObservable<NoticesStore, 'community' | 'request'>(this, { community: false, request: false });
  }

  get error(): string | null {
    return this.request.error;
  }

  get badge(): string {
    return this.unread > 99 ? '99+' : String(this.unread);
  }

  async load(): Promise<void> {
    await this.request.run(async () => {
      const { notices, unread } = await this.community.call('notices', 'list', { limit: 50 });
      runInAction(() => {
        this.notices = notices;
        this.unread = unread;
        this.loaded = true;
      });
    });
  }

  /** Once read on screen, the badge clears; the list keeps showing which ones were new. */
  async markAllRead(): Promise<void> {
    if (this.unread === 0) return;
    await this.request.run(async () => {
      await this.community.call('notices', 'read', {});
      runInAction(() => (this.unread = 0));
    });
  }
}
