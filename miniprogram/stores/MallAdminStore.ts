import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionInput, DrawView, ItemView, OrderView } from '../../cloudfunctions/app/api';
import type { Gateway } from '../gateway/gateway';
import type { ImageUploader } from '../gateway/uploader';
import { messageOf } from './errors';
import { exclusively } from './exclusive';

export type ItemForm = ActionInput<'mall', 'upsertItem'>['item'];
export type DrawForm = ActionInput<'mall', 'upsertDraw'>['draw'];
type OrderFilter = 'pending' | 'fulfilled' | 'cancelled' | undefined;

/** The owner's side of the mall: stock rewards, load coupon codes, ship and cancel orders. */
export class MallAdminStore {
  items: ItemView[] = [];
  orders: OrderView[] = [];
  draws: DrawView[] = [];
  filter: OrderFilter = 'pending';
  busy = false;
  notice: string | null = null;
  error: string | null = null;

  constructor(
    private readonly gateway: Gateway,
    private readonly communityId: () => string | null,
    private readonly uploader?: ImageUploader,
  ) {
    makeAutoObservable<MallAdminStore, 'gateway' | 'communityId' | 'uploader'>(this, { gateway: false, communityId: false, uploader: false });
  }

  /** A picture for a reward: picked on the device and stored; null if cancelled or failed. */
  async uploadImage(): Promise<string | null> {
    if (!this.uploader) return null;
    try {
      return (await this.uploader.pickAndUpload(1))[0] ?? null;
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
      return null;
    }
  }

  async loadItems(): Promise<void> {
    await this.run((communityId) => this.fetchItems(communityId));
  }

  async loadOrders(filter: OrderFilter = this.filter): Promise<void> {
    this.filter = filter;
    await this.run((communityId) => this.fetchOrders(communityId));
  }

  async loadDraws(): Promise<void> {
    await this.run((communityId) => this.fetchDraws(communityId));
  }

  async saveDraw(draw: DrawForm): Promise<boolean> {
    return this.run(async (communityId) => {
      await this.gateway.call('mall', 'upsertDraw', { communityId, draw });
      runInAction(() => (this.notice = `已保存抽奖「${draw.name}」`));
      await this.fetchDraws(communityId);
    });
  }

  async saveItem(item: ItemForm): Promise<boolean> {
    return this.run(async (communityId) => {
      await this.gateway.call('mall', 'upsertItem', { communityId, item });
      runInAction(() => (this.notice = `已保存「${item.name}」`));
      await this.fetchItems(communityId);
    });
  }

  async loadCodes(itemId: string, text: string): Promise<boolean> {
    const codes = text.split(/[\s,，]+/).filter(Boolean);
    return this.run(async (communityId) => {
      const { added, skipped } = await this.gateway.call('mall', 'loadCodes', { communityId, itemId, codes });
      runInAction(() => (this.notice = `导入 ${added} 个券码${skipped ? `，跳过重复 ${skipped} 个` : ''}`));
      await this.fetchItems(communityId);
    });
  }

  async fulfil(orderId: string, note?: string): Promise<boolean> {
    return this.run(async (communityId) => {
      await this.gateway.call('mall', 'fulfil', { communityId, orderId, note });
      runInAction(() => (this.notice = '已标记完成'));
      await this.fetchOrders(communityId);
    });
  }

  async cancel(orderId: string, reason: string): Promise<boolean> {
    return this.run(async (communityId) => {
      await this.gateway.call('mall', 'cancel', { communityId, orderId, reason });
      runInAction(() => (this.notice = '已取消，积分已退回'));
      await this.fetchOrders(communityId);
    });
  }

  private async fetchItems(communityId: string): Promise<void> {
    const { items } = await this.gateway.call('mall', 'items', { communityId });
    runInAction(() => (this.items = items));
  }

  private async fetchDraws(communityId: string): Promise<void> {
    const { draws } = await this.gateway.call('mall', 'draws', { communityId });
    runInAction(() => (this.draws = draws));
  }

  private async fetchOrders(communityId: string): Promise<void> {
    const { orders } = await this.gateway.call('mall', 'orders', { communityId, scope: 'all', status: this.filter, limit: 50 });
    runInAction(() => (this.orders = orders));
  }

  private run(work: (communityId: string) => Promise<void>): Promise<boolean> {
    return exclusively(this, this.communityId(), work);
  }
}
