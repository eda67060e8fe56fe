import { makeAutoObservable, runInAction } from 'mobx';
import { NoCommunity } from '../gateway/communityGateway';
import { messageOf } from './errors';

export type Outcome<T> = { done: true; value: T } | { done: false };

/**
 * One kind of call a store makes, and what a page shows of it: whether it is under way and why
 * it last failed, in words for people. run() is the one place the stores catch errors.
 *  - 'tap' (an action: redeem, approve): a second run while one is under way does nothing;
 *  - 'refresh' (a load): every run goes out, so a refresh is never skipped.
 */
export class Request {
  private inFlight = 0;
  error: string | null = null;

  constructor(private readonly kind: 'tap' | 'refresh' = 'tap') {
    makeAutoObservable<Request, 'kind'>(this, { run: false, kind: false });
  }

  get pending(): boolean {
    return this.inFlight > 0;
  }

  /** Runs `work`; a failure is kept as `error` until the next success. Without a community nothing runs. */
  async run<T>(work: () => Promise<T>): Promise<Outcome<T>> {
    if (this.kind === 'tap' && this.pending) return { done: false };
    runInAction(() => this.inFlight++);
    try {
      const value = await work();
      runInAction(() => (this.error = null));
      return { done: true, value };
    } catch (error) {
      if (!(error instanceof NoCommunity)) runInAction(() => (this.error = messageOf(error)));
      return { done: false };
    } finally {
      runInAction(() => this.inFlight--);
    }
  }
}
