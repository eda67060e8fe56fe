import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import { Request } from './request';

export type Period = 'week' | 'month' | 'all';
export type Board = ActionOutput<'points', 'leaderboard'>;

export const PERIOD_NAMES: Record<Period, string> = { week: '本周', month: '本月', all: '总榜' };

/** The leaderboard: a period's top 50 (ties share a rank) and my place; staff and hidden members are not ranked. */
export class LeaderboardStore {
  period: Period = 'week';
  board: Board | null = null;
  private readonly loading = new Request('refresh');

  constructor(private readonly community: CommunityGateway) {
    makeAutoObservable<LeaderboardStore, 'community' | 'loading'>(this, { community: false, loading: false });
  }

  get pending(): boolean {
    return this.loading.pending;
  }

  get error(): string | null {
    return this.loading.error;
  }

  /** What the empty board says: only once it has loaded empty. */
  get empty(): boolean {
    return this.board !== null && this.board.rows.length === 0;
  }

  async load(period: Period = this.period): Promise<void> {
    runInAction(() => {
      if (period !== this.period) this.board = null;
      this.period = period;
    });
    const outcome = await this.loading.run(() => this.community.call('points', 'leaderboard', { period, limit: 50 }));
    if (outcome.done && this.period === period) runInAction(() => (this.board = outcome.value));
  }
}
