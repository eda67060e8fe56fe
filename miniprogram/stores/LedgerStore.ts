import { makeAutoObservable, runInAction } from 'mobx';
import type { Entry } from '../../cloudfunctions/app/api';
import type { Gateway } from '../gateway/gateway';
import { messageOf } from './errors';

const PAGE_SIZE = 20;

/** My points history, newest first, a page at a time. */
export class LedgerStore {
  entries: Entry[] = [];
  nextCursor: string | null = null;
  loading = false;
  loaded = false;
  error: string | null = null;

  constructor(
    private readonly gateway: Gateway,
    private readonly communityId: () => string | null,
  ) {
    makeAutoObservable<LedgerStore, 'gateway' | 'communityId'>(this, { gateway: false, communityId: false });
  }

  get hasMore(): boolean {
    return this.nextCursor !== null;
  }

  async refresh(): Promise<void> {
    this.entries = [];
    this.nextCursor = null;
    this.loaded = false;
    await this.loadMore();
  }

  async loadMore(): Promise<void> {
    const communityId = this.communityId();
    if (!communityId || this.loading || (this.loaded && !this.hasMore)) return;
    this.loading = true;
    try {
      const page = await this.gateway.call('points', 'ledger', { communityId, cursor: this.nextCursor, limit: PAGE_SIZE });
      runInAction(() => {
        this.entries.push(...page.entries);
        this.nextCursor = page.nextCursor;
        this.loaded = true;
        this.error = null;
      });
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    } finally {
      runInAction(() => (this.loading = false));
    }
  }
}
