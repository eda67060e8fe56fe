import { makeAutoObservable, runInAction } from 'mobx';
import type { DrawResult, DrawView } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { Intents } from '../gateway/gateway';
import { Request } from './request';

/** The member's lottery: the draws, a try, its outcome. */
export class LotteryStore {
  draws: DrawView[] = [];
  balance = 0;
  lastResult: DrawResult | null = null;
  /** The draw the last result is of (its grid animates to the result). */
  lastDrawId: string | null = null;
  /** The draws have been read once: only then is an empty list empty, and the balance real. */
  loaded = false;
  private readonly loading = new Request('refresh');
  private readonly trying = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly intents: Intents,
  ) {
    makeAutoObservable<LotteryStore, 'community' | 'loading' | 'trying' | 'intents'>(this, {
      community: false,
      loading: false,
      trying: false,
      intents: false,
    });
  }

  get drawing(): boolean {
    return this.trying.pending;
  }

  get error(): string | null {
    return this.trying.error ?? this.loading.error;
  }

  async load(): Promise<void> {
    await this.loading.run(async () => {
      const { draws, balance } = await this.community.call('mall', 'draws', {});
      runInAction(() => {
        this.draws = draws;
        this.balance = balance;
        this.loaded = true;
      });
    });
  }

  /** One try; a retry after a lost answer reuses the requestId, so it is never paid twice. */
  async tryDraw(drawId: string): Promise<DrawResult | null> {
    if (this.drawing) return null;
    this.lastResult = null;
    const outcome = await this.trying.run(() =>
      this.intents.send(`mall.draw:${drawId}`, (requestId) => this.community.call('mall', 'draw', { drawId, requestId })),
    );
    if (!outcome.done) return null;
    runInAction(() => {
      this.lastDrawId = drawId;
      this.lastResult = outcome.value;
      this.balance = outcome.value.balance;
    });
    return outcome.value;
  }
}

/** The cell id of 谢谢参与 in a draw's grid. */
export const NO_PRIZE = 'none';

/**
 * The cells a draw's grid lights one after another before it stops on the outcome: `laps` full
 * rounds, then on to the cell won (or 谢谢参与). The outcome is the server's; this only shows it.
 */
export function spinPath(cells: readonly string[], landOn: string, laps = 2): string[] {
  const stop = Math.max(0, cells.indexOf(landOn));
  return Array.from({ length: laps * cells.length + stop + 1 }, (_, i) => cells[i % cells.length]);
}
