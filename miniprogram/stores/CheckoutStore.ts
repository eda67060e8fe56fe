import { makeAutoObservable, runInAction } from 'mobx';
import type { Checkout, OrderView } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { Payer } from '../device/payer';
import { Request } from './request';

/** How long the app waits, at most, for WeChat Pay's callback to mark an order paid after the sheet said so. */
const CONFIRM_TRIES = 6;
const CONFIRM_PAUSE_MS = 800;

/**
 * 积分+现金 checkout: an unpaid order's two amounts and its deadline, paying its cash half, and
 * what the server then says of it. The points were taken when the order was placed; the order is
 * paid only when WeChat Pay's result reaches the server, so after the sheet closes the store
 * asks again until it does (or says it is still waiting).
 */
export class CheckoutStore {
  order: OrderView | null = null;
  checkout: Checkout | null = null;
  /** What happened on the last try, for the page: null before any. */
  outcome: 'paid' | 'waiting' | 'cancelled' | 'failed' | null = null;
  loaded = false;
  private readonly loading = new Request('refresh');
  private readonly paying = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly payer: Payer,
    private readonly pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    makeAutoObservable<CheckoutStore, 'community' | 'payer' | 'loading' | 'paying' | 'pause'>(this, {
      community: false,
      payer: false,
      loading: false,
      paying: false,
      pause: false,
    });
  }

  get busy(): boolean {
    return this.paying.pending;
  }

  get error(): string | null {
    return this.paying.error ?? this.loading.error;
  }

  /** Loads my order and, while it is unpaid, what paying it needs. */
  async open(orderId: string): Promise<void> {
    if (this.order?.id !== orderId)
      runInAction(() => ((this.order = null), (this.checkout = null), (this.outcome = null), (this.loaded = false)));
    await this.loading.run(async () => {
      const order = await this.find(orderId);
      const checkout = order?.status === 'unpaid' ? (await this.community.call('mall', 'pay', { orderId })).payment : null;
      runInAction(() => ((this.order = order), (this.checkout = checkout), (this.loaded = true)));
    });
  }

  /** Shows the payment sheet; once it says paid, waits for the server to agree. */
  async pay(): Promise<void> {
    const checkout = this.checkout;
    if (!checkout) return;
    await this.paying.run(async () => {
      const outcome = await this.payer.pay(checkout);
      if (outcome !== 'paid') return runInAction(() => (this.outcome = outcome));
      for (let i = 0; i < CONFIRM_TRIES; i++) {
        const order = await this.find(checkout.orderId);
        runInAction(() => (this.order = order));
        if (order && order.status !== 'unpaid') return runInAction(() => ((this.outcome = 'paid'), (this.checkout = null)));
        await this.pause(CONFIRM_PAUSE_MS);
      }
      runInAction(() => (this.outcome = 'waiting'));
    });
  }

  private async find(orderId: string): Promise<OrderView | null> {
    const { orders } = await this.community.call('mall', 'orders', { scope: 'mine', limit: 50 });
    return orders.find((o) => o.id === orderId) ?? null;
  }
}
