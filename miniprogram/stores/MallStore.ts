import { makeAutoObservable, runInAction } from 'mobx';
import type { ItemView, OrderView, RedeemResult } from '../../cloudfunctions/app/api';
import { Intent, type Gateway } from '../gateway/gateway';
import { messageOf } from './errors';

export interface ShippingForm {
  name: string;
  phone: string;
  address: string;
}

/** The member's side of the mall: rewards, redeeming, my orders. */
export class MallStore {
  items: ItemView[] = [];
  balance = 0;
  orders: OrderView[] = [];
  loaded = false;
  redeeming = false;
  error: string | null = null;
  private readonly intent = new Intent();

  constructor(
    private readonly gateway: Gateway,
    private readonly communityId: () => string | null,
  ) {
    makeAutoObservable<MallStore, 'gateway' | 'communityId' | 'intent'>(this, { gateway: false, communityId: false, intent: false });
  }

  item(id: string): ItemView | undefined {
    return this.items.find((item) => item.id === id);
  }

  async load(): Promise<void> {
    const communityId = this.communityId();
    if (!communityId) return;
    try {
      const { items, balance } = await this.gateway.call('mall', 'items', { communityId });
      runInAction(() => {
        this.items = items;
        this.balance = balance;
        this.loaded = true;
        this.error = null;
      });
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    }
  }

  async loadOrders(): Promise<void> {
    const communityId = this.communityId();
    if (!communityId) return;
    try {
      const { orders } = await this.gateway.call('mall', 'orders', { communityId, scope: 'mine', limit: 50 });
      runInAction(() => {
        this.orders = orders;
        this.error = null;
      });
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    }
  }

  /** Redeems one unit. A retry after a network failure reuses the requestId, so it cannot double-spend. */
  async redeem(itemId: string, shipping?: ShippingForm): Promise<RedeemResult | null> {
    const communityId = this.communityId();
    if (!communityId || this.redeeming) return null;
    this.redeeming = true;
    try {
      const result = await this.intent.send((requestId) => this.gateway.call('mall', 'redeem', { communityId, itemId, requestId, shipping }));
      runInAction(() => (this.error = null));
      await this.load();
      return result;
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
      return null;
    } finally {
      runInAction(() => (this.redeeming = false));
    }
  }
}
