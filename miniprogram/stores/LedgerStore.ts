import { ENTRY_KIND_NAMES } from '../../cloudfunctions/core/ledger';
import { makeAutoObservable, runInAction } from 'mobx';
import type { Entry } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import { Request } from './request';

const PAGE_SIZE = 20;

/** What a ledger line was, in a word: a lottery try is 抽奖, though on the ledger it is a spend. */
export const entryLabel = (entry: Pick<Entry, 'id' | 'kind' | 'reason'>): string => {
  if (entry.kind === 'spend' && entry.id.startsWith('draw:')) return '抽奖';
  // Points put into a pool are given or pooled, not spent on a reward.
  if (entry.kind === 'spend' && entry.id.startsWith('pool:')) return entry.reason.startsWith('捐赠') ? '捐赠' : '众筹';
  return ENTRY_KIND_NAMES[entry.kind];
};

/** My points history, newest first, a page at a time. */
export class LedgerStore {
  entries: Entry[] = [];
  nextCursor: string | null = null;
  loaded = false;
  private readonly request = new Request();

  constructor(private readonly community: CommunityGateway) {
    makeAutoObservable<LedgerStore, 'community' | 'request'>(this, { community: false, request: false });
  }

  get loading(): boolean {
    return this.request.pending;
  }

  get error(): string | null {
    return this.request.error;
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
    if (this.loaded && !this.hasMore) return;
    await this.request.run(async () => {
      const page = await this.community.call('points', 'ledger', { cursor: this.nextCursor, limit: PAGE_SIZE });
      runInAction(() => {
        this.entries.push(...page.entries);
        this.nextCursor = page.nextCursor;
        this.loaded = true;
      });
    });
  }
}
