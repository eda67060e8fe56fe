import { makeAutoObservable, runInAction } from 'mobx';
import type { ItemView, OrderView, RedeemResult } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { Intents } from '../gateway/gateway';
import { Request } from './request';
import { PHONE_PROBLEM, phoneDigits } from '../../cloudfunctions/core/phone';
import { SHIPPING_LIMITS } from '../../cloudfunctions/core/limits';

export interface ShippingForm {
  name: string;
  phone: string;
  address: string;
}

/** The mall's shelves: everything, what I can redeem right now, or one of the owner's categories. */
export type Shelf = { kind: 'all' } | { kind: 'canRedeem' } | { kind: 'category'; name: string };

/** Open, within my tier and my points: what 我能兑 shows. */
export const canRedeemNow = (item: Pick<ItemView, 'status' | 'locked' | 'affordable'>): boolean =>
  item.status === 'open' && !item.locked && item.affordable;

/** The owner's categories, in the order the rewards come: for the members' shelves and the owner's picker alike. */
export const categoriesOf = (items: ReadonlyArray<Pick<ItemView, 'category'>>): string[] => [
  ...new Set(items.map((item) => item.category).filter((c): c is string => Boolean(c))),
];

/** The member's side of the mall: rewards, redeeming, my orders. */
export class MallStore {
  items: ItemView[] = [];
  shelf: Shelf = { kind: 'all' };
  balance = 0;
  orders: OrderView[] = [];
  /** The order its detail page shows. */
  order: OrderView | null = null;
  ordersLoaded = false;
  loaded = false;
  private readonly loading = new Request('refresh');
  private readonly redeemingRequest = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly intents: Intents,
  ) {
    makeAutoObservable<MallStore, 'community' | 'loading' | 'redeemingRequest' | 'intents'>(this, {
      community: false,
      loading: false,
      redeemingRequest: false,
      intents: false,
    });
  }

  get redeeming(): boolean {
    return this.redeemingRequest.pending;
  }

  get error(): string | null {
    return this.redeemingRequest.error ?? this.loading.error;
  }

  get categories(): string[] {
    return categoriesOf(this.items);
  }

  /** The rewards on the chosen shelf. */
  get shown(): ItemView[] {
    const shelf = this.shelf;
    if (shelf.kind === 'canRedeem') return this.items.filter(canRedeemNow);
    if (shelf.kind === 'category') return this.items.filter((item) => item.category === shelf.name);
    return this.items;
  }

  choose(shelf: Shelf): void {
    this.shelf = shelf;
  }

  item(id: string): ItemView | undefined {
    return this.items.find((item) => item.id === id);
  }

  async load(): Promise<void> {
    await this.loading.run(async () => {
      const { items, balance } = await this.community.call('mall', 'items', {});
      runInAction(() => {
        this.items = items;
        this.balance = balance;
        this.loaded = true;
      });
    });
  }

  async loadOrders(): Promise<void> {
    await this.loading.run(async () => {
      const { orders } = await this.community.call('mall', 'orders', { scope: 'mine', limit: 50 });
      runInAction(() => ((this.orders = orders), (this.ordersLoaded = true)));
    });
  }

  /** One order, for its detail page (opened from the list or from a notice). */
  async openOrder(orderId: string): Promise<void> {
    if (this.order?.id !== orderId) this.order = null;
    const outcome = await this.loading.run(() => this.community.call('mall', 'order', { orderId }));
    if (outcome.done) runInAction(() => (this.order = outcome.value.order));
  }

  /** Gives the address of my physical order that waits for one (v1 redemptions and lottery prizes). */
  async setShipping(orderId: string, shipping: ShippingForm): Promise<boolean> {
    const outcome = await this.redeemingRequest.run(() => this.community.call('mall', 'setShipping', { orderId, shipping }));
    if (outcome.done) await this.loadOrders();
    return outcome.done;
  }

  /** Redeems one unit. A retry after a network failure reuses the requestId, so it cannot double-spend. */
  async redeem(itemId: string, shipping?: ShippingForm): Promise<RedeemResult | null> {
    const outcome = await this.redeemingRequest.run(() =>
      this.intents.send(`mall.redeem:${JSON.stringify({ itemId, shipping })}`, (requestId) =>
        this.community.call('mall', 'redeem', { itemId, requestId, shipping }),
      ),
    );
    if (!outcome.done) return null;
    await this.load();
    return outcome.value;
  }
}

/** What to fix in an address, per field, in plain Chinese; empty when it can be sent. */
export function shippingProblems(form: ShippingForm): Partial<Record<keyof ShippingForm, string>> {
  const problems: Partial<Record<keyof ShippingForm, string>> = {};
  if (!form.name.trim()) problems.name = '请填写收件人';
  else if (form.name.trim().length > SHIPPING_LIMITS.name) problems.name = `收件人最多 ${SHIPPING_LIMITS.name} 个字`;
  if (phoneDigits(form.phone) === null) problems.phone = PHONE_PROBLEM;
  if (!form.address.trim()) problems.address = '请填写收货地址';
  else if (form.address.trim().length > SHIPPING_LIMITS.address) problems.address = `地址最多 ${SHIPPING_LIMITS.address} 个字`;
  return problems;
}
