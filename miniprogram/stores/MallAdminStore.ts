import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionInput, DrawView, ItemView, OrderView } from '../../cloudfunctions/app/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { ImageUploader } from '../gateway/uploader';
import { Request } from './request';

export type ItemForm = ActionInput<'mall', 'upsertItem'>['item'];
export type DrawForm = ActionInput<'mall', 'upsertDraw'>['draw'];
type OrderFilter = 'pending' | 'fulfilled' | 'cancelled' | undefined;

/** The owner's side of the mall: stock rewards, load coupon codes, ship and cancel orders. */
export class MallAdminStore {
  items: ItemView[] = [];
  orders: OrderView[] = [];
  draws: DrawView[] = [];
  filter: OrderFilter = 'pending';
  notice: string | null = null;
  /** One staff action at a time: each one reloads the list it changed. */
  private readonly request = new Request();
  private readonly uploading = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly uploader?: ImageUploader,
  ) {
    makeAutoObservable<MallAdminStore, 'community' | 'uploader' | 'request' | 'uploading'>(this, { community: false, uploader: false, request: false, uploading: false });
  }

  get busy(): boolean {
    return this.request.pending;
  }

  get error(): string | null {
    return this.uploading.error ?? this.request.error;
  }

  /** A picture for a reward: picked on the device and stored; null if cancelled or failed. */
  async uploadImage(): Promise<string | null> {
    const uploader = this.uploader;
    if (!uploader) return null;
    const outcome = await this.uploading.run(async () => (await uploader.pickAndUpload(1))[0] ?? null);
    return outcome.done ? outcome.value : null;
  }

  async loadItems(): Promise<void> {
    await this.run(() => this.fetchItems());
  }

  async loadOrders(filter: OrderFilter = this.filter): Promise<void> {
    this.filter = filter;
    await this.run(() => this.fetchOrders());
  }

  async loadDraws(): Promise<void> {
    await this.run(() => this.fetchDraws());
  }

  async saveDraw(draw: DrawForm): Promise<boolean> {
    return this.run(async () => {
      await this.community.call('mall', 'upsertDraw', { draw });
      runInAction(() => (this.notice = `已保存抽奖「${draw.name}」`));
      await this.fetchDraws();
    });
  }

  async saveItem(item: ItemForm): Promise<boolean> {
    return this.run(async () => {
      await this.community.call('mall', 'upsertItem', { item });
      runInAction(() => (this.notice = `已保存「${item.name}」`));
      await this.fetchItems();
    });
  }

  async loadCodes(itemId: string, text: string): Promise<boolean> {
    const codes = text.split(/[\s,，]+/).filter(Boolean);
    return this.run(async () => {
      const { added, skipped } = await this.community.call('mall', 'loadCodes', { itemId, codes });
      runInAction(() => (this.notice = `导入 ${added} 个券码${skipped ? `，跳过重复 ${skipped} 个` : ''}`));
      await this.fetchItems();
    });
  }

  async fulfil(orderId: string, note?: string): Promise<boolean> {
    return this.run(async () => {
      await this.community.call('mall', 'fulfil', { orderId, note });
      runInAction(() => (this.notice = '已标记完成'));
      await this.fetchOrders();
    });
  }

  async cancel(orderId: string, reason: string): Promise<boolean> {
    return this.run(async () => {
      await this.community.call('mall', 'cancel', { orderId, reason });
      runInAction(() => (this.notice = '已取消，积分已退回'));
      await this.fetchOrders();
    });
  }

  private async fetchItems(): Promise<void> {
    const { items } = await this.community.call('mall', 'items', {});
    runInAction(() => (this.items = items));
  }

  private async fetchDraws(): Promise<void> {
    const { draws } = await this.community.call('mall', 'draws', {});
    runInAction(() => (this.draws = draws));
  }

  private async fetchOrders(): Promise<void> {
    const { orders } = await this.community.call('mall', 'orders', { scope: 'all', status: this.filter, limit: 50 });
    runInAction(() => (this.orders = orders));
  }

  private async run(work: () => Promise<void>): Promise<boolean> {
    return (await this.request.run(work)).done;
  }
}
