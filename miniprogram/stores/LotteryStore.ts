import { makeAutoObservable, runInAction } from 'mobx';
import type { DrawResult, DrawView } from '../../cloudfunctions/app/api';
import { Intent, type Gateway } from '../gateway/gateway';
import { messageOf } from './errors';

/** The member's lottery: the draws, a try, its outcome. */
export class LotteryStore {
  draws: DrawView[] = [];
  balance = 0;
  drawing = false;
  lastResult: DrawResult | null = null;
  error: string | null = null;
  private readonly intent = new Intent();

  constructor(
    private readonly gateway: Gateway,
    private readonly communityId: () => string | null,
  ) {
    makeAutoObservable<LotteryStore, 'gateway' | 'communityId' | 'intent'>(this, { gateway: false, communityId: false, intent: false });
  }

  async load(): Promise<void> {
    const communityId = this.communityId();
    if (!communityId) return;
    try {
      const { draws, balance } = await this.gateway.call('mall', 'draws', { communityId });
      runInAction(() => {
        this.draws = draws;
        this.balance = balance;
        this.error = null;
      });
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    }
  }

  /** One try; a retry after a lost answer reuses the requestId, so it is never paid twice. */
  async tryDraw(drawId: string): Promise<DrawResult | null> {
    const communityId = this.communityId();
    if (!communityId || this.drawing) return null;
    this.drawing = true;
    this.lastResult = null;
    try {
      const result = await this.intent.send((requestId) => this.gateway.call('mall', 'draw', { communityId, drawId, requestId }));
      runInAction(() => {
        this.lastResult = result;
        this.balance = result.balance;
        this.error = null;
      });
      return result;
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
      return null;
    } finally {
      runInAction(() => (this.drawing = false));
    }
  }
}
