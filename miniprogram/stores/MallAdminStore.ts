import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionInput, DrawView, ItemView, OrderView } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { ImageUploader } from '../gateway/uploader';
import { isoToLocal, localToIso, yuan } from './format';
import type { ItemKind } from '../../cloudfunctions/core/mall';
import { isWearableKind, wearProblem } from '../../cloudfunctions/core/wearables';
import { DRAW_LIMITS, REWARD_LIMITS, typedWithin, withinLimit } from '../../cloudfunctions/core/limits';
import { Request } from './request';
import { categoriesOf } from './MallStore';
import { ROLL_SPACE } from '../../cloudfunctions/core/lottery';
import { fenOfYuan } from '../../cloudfunctions/core/money';

export type ItemForm = ActionInput<'mall', 'upsertItem'>['item'];
export type DrawForm = ActionInput<'mall', 'upsertDraw'>['draw'];
type OrderFilter = 'unpaid' | 'pending' | 'fulfilled' | 'cancelled' | undefined;

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
    makeAutoObservable<MallAdminStore, 'community' | 'uploader' | 'request' | 'uploading'>(this, {
      community: false,
      uploader: false,
      request: false,
      uploading: false,
    });
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

  /** A message belongs to the page that raised it: each page clears it when it shows. */
  clearNotice(): void {
    this.notice = null;
  }

  async saveItem(item: ItemForm): Promise<boolean> {
    return this.run(async () => {
      await this.community.call('mall', 'upsertItem', { item });
      runInAction(() => (this.notice = `已保存「${item.name}」`));
      await this.fetchItems();
    });
  }

  /** The categories the owner has used, to pick one again rather than type it differently. */
  get categories(): string[] {
    return categoriesOf(this.items);
  }

  /** 上架 / 下架: a reward off the shelf is hidden from members and cannot be redeemed; its orders stand. */
  async setOnShelf(item: ItemView, tz: string, today: string, active: boolean): Promise<boolean> {
    return this.run(async () => {
      await this.community.call('mall', 'upsertItem', { item: rewardOf({ ...rewardFormOf(item, tz, today), active }, tz) });
      runInAction(() => (this.notice = active ? `「${item.name}」已上架` : `「${item.name}」已下架，成员看不到了`));
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

  /** Done: shipped with its courier and tracking number (both or neither), or served; a note for the member. */
  async fulfil(orderId: string, done: { note?: string; courier?: string; trackingNo?: string } = {}): Promise<boolean> {
    return this.run(async () => {
      await this.community.call('mall', 'fulfil', { orderId, ...done });
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

/** The reward editor's fields as typed or picked; the flash window is two date-and-time pickers on the community's clock. */
export interface RewardForm {
  id?: string;
  images: string[];
  name: string;
  description: string;
  /** The mall shelf (分类), as typed or picked; empty for none. */
  category: string;
  kind: ItemKind;
  /** Title and frame: the title's words or the frame's look; the days worn as typed (empty: for good). */
  look: string;
  wearDays: string;
  pointsPrice: string;
  /** 积分+现金: yuan as typed ("59.9"); empty for points only. Physical rewards only. */
  cashPrice: string;
  stock: string;
  perMemberLimit: string;
  minTier: string;
  flash: boolean;
  /** On the shelf (上架); editing a reward keeps it where it is. */
  active: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
}

export const emptyRewardForm = (today: string): RewardForm => ({
  images: [],
  name: '',
  description: '',
  category: '',
  kind: 'physical',
  look: '',
  wearDays: '',
  pointsPrice: '',
  cashPrice: '',
  stock: '',
  perMemberLimit: '',
  minTier: '',
  flash: false,
  active: true,
  startDate: today,
  startTime: '20:00',
  endDate: today,
  endTime: '22:00',
});

const { name, description, category, pointsPrice, stock, cashFen, wearDays, perMemberLimit } = REWARD_LIMITS;

/** What to fix, by field, in plain Chinese (never a path like `item.startsAt` or a word like ISO-8601); empty when it can be saved. The bounds are the server's (core/limits). */
export function rewardProblems(form: RewardForm, tz: string): Partial<Record<keyof RewardForm | 'start' | 'end', string>> {
  const problems: Partial<Record<keyof RewardForm | 'start' | 'end', string>> = {};
  if (!form.name.trim()) problems.name = '请填写奖品名称';
  else if (form.name.trim().length > name) problems.name = `奖品名称最多 ${name} 个字`;
  if (form.description.trim().length > description) problems.description = `介绍最多 ${description} 个字`;
  if (form.category.trim().length > category) problems.category = `分类最多 ${category} 个字`;
  if (!typedWithin(form.pointsPrice, pointsPrice)) problems.pointsPrice = `兑换积分填 ${pointsPrice.min} 到 ${pointsPrice.max} 的整数`;
  if (!typedWithin(form.stock, stock)) problems.stock = `库存填 ${stock.min} 到 ${stock.max} 的整数`;
  // Only a physical reward is sold for points + cash (WeChat Pay sells goods); the field shows only for one.
  if (form.kind === 'physical' && form.cashPrice.trim()) {
    const fen = fenOfYuan(form.cashPrice);
    if (fen === null || !withinLimit(fen, cashFen))
      problems.cashPrice = `现金填 ${cashFen.min / 100} 到 ${cashFen.max / 100} 元，最多两位小数`;
  }
  if (isWearableKind(form.kind)) {
    const problem = wearProblem(form.kind, { look: form.look });
    if (problem) problems.look = problem;
    if (form.wearDays.trim() && !typedWithin(form.wearDays, wearDays))
      problems.wearDays = `佩戴天数填 ${wearDays.min} 到 ${wearDays.max} 的整数，永久就留空`;
  }
  if (form.perMemberLimit.trim() && !typedWithin(form.perMemberLimit, perMemberLimit))
    problems.perMemberLimit = `每人限兑填 ${perMemberLimit.min} 到 ${perMemberLimit.max} 的整数，不限就留空`;
  if (form.flash) {
    const startsAt = localToIso(`${form.startDate} ${form.startTime}`, tz);
    const endsAt = localToIso(`${form.endDate} ${form.endTime}`, tz);
    if (!startsAt) problems.start = '请选择开始日期和时间';
    if (!endsAt) problems.end = '请选择结束日期和时间';
    else if (startsAt && Date.parse(endsAt) <= Date.parse(startsAt)) problems.end = '结束时间要晚于开始时间';
  }
  return problems;
}

export function rewardFormOf(item: ItemView, tz: string, today: string): RewardForm {
  const [startDate, startTime] = item.startsAt ? isoToLocal(item.startsAt, tz).split(' ') : [today, '20:00'];
  const [endDate, endTime] = item.endsAt ? isoToLocal(item.endsAt, tz).split(' ') : [today, '22:00'];
  return {
    id: item.id,
    images: item.images,
    name: item.name,
    description: item.description,
    category: item.category ?? '',
    kind: item.kind,
    look: item.wear?.look ?? '',
    wearDays: item.wear?.days ? String(item.wear.days) : '',
    pointsPrice: String(item.pointsPrice),
    cashPrice: item.cashPrice ? yuan(item.cashPrice) : '',
    stock: String(item.stock),
    perMemberLimit: item.perMemberLimit ? String(item.perMemberLimit) : '',
    minTier: item.minTier ?? '',
    flash: Boolean(item.startsAt || item.endsAt),
    active: item.active,
    startDate,
    startTime,
    endDate,
    endTime,
  };
}

export function rewardOf(form: RewardForm, tz: string): ItemForm {
  return {
    id: form.id,
    name: form.name.trim(),
    images: form.images,
    description: form.description.trim(),
    category: form.category.trim() || null,
    kind: form.kind,
    wear: isWearableKind(form.kind) ? { look: form.look.trim(), days: form.wearDays.trim() ? Number(form.wearDays) : null } : null,
    pointsPrice: Number(form.pointsPrice),
    cashPrice: form.kind === 'physical' && form.cashPrice.trim() ? fenOfYuan(form.cashPrice) : null,
    stock: Number(form.stock),
    perMemberLimit: form.perMemberLimit.trim() ? Number(form.perMemberLimit) : null,
    minTier: form.minTier || null,
    startsAt: form.flash ? localToIso(`${form.startDate} ${form.startTime}`, tz) : null,
    endsAt: form.flash ? localToIso(`${form.endDate} ${form.endTime}`, tz) : null,
    active: form.active,
  };
}

export type PrizeKind = 'physical' | 'coupon' | 'service';
/** One prize of the draw editor, a row of its own: what it is, its kind, its chance in percent, how many. */
export interface PrizeRow {
  id?: string;
  name: string;
  kind: PrizeKind;
  percent: string;
  stock: string;
  /** A coupon prize: the coupon reward whose codes it hands out. */
  itemId?: string | null;
}

export const PRIZE_KINDS: Array<[PrizeKind, string]> = [
  ['physical', '实物'],
  ['coupon', '优惠券'],
  ['service', '名额/服务'],
];

export const emptyPrize = (): PrizeRow => ({ name: '', kind: 'physical', percent: '', stock: '' });

/** What to fix in the draw editor, by field (`cost`, `prize.{i}.name|percent|stock`, `prizes`), in plain Chinese. */
export function drawProblems(name: string, cost: string, rows: PrizeRow[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const limits = DRAW_LIMITS;
  if (!name.trim()) problems.name = '请填写抽奖名称';
  else if (name.trim().length > limits.name) problems.name = `抽奖名称最多 ${limits.name} 个字`;
  if (!typedWithin(cost, limits.costPoints)) problems.cost = `每次消耗积分填 ${limits.costPoints.min} 到 ${limits.costPoints.max} 的整数`;
  rows.forEach((row, i) => {
    if (!row.name.trim()) problems[`prize.${i}.name`] = '请填写奖项名称';
    else if (row.name.trim().length > limits.prizeName) problems[`prize.${i}.name`] = `奖项名称最多 ${limits.prizeName} 个字`;
    if (!/^\d+(\.\d{1,2})?$/.test(row.percent.trim()) || Number(row.percent) <= 0 || Number(row.percent) > 100)
      problems[`prize.${i}.percent`] = '概率填 0.01 到 100，最多两位小数';
    if (!typedWithin(row.stock, limits.prizeStock))
      problems[`prize.${i}.stock`] = `数量填 ${limits.prizeStock.min} 到 ${limits.prizeStock.max} 的整数`;
    if (row.kind === 'coupon' && !row.itemId) problems[`prize.${i}.itemId`] = '请选择券码来自哪个优惠券奖品';
  });
  const total = rows.reduce((sum, row) => sum + Math.round(Number(row.percent) * 100 || 0), 0);
  if (!rows.length) problems.prizes = '至少一个奖项';
  else if (rows.length > limits.prizes) problems.prizes = `最多 ${limits.prizes} 个奖项`;
  else if (total > ROLL_SPACE) problems.prizes = `各奖项概率加起来是 ${total / 100}%，不能超过 100%`;
  return problems;
}
