import { makeAutoObservable, runInAction } from 'mobx';
import type { BackerView, PoolView } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { Intents } from '../gateway/gateway';
import { localToIso } from './format';
import { PagedList } from './pagedList';
import { Request } from './request';
import { DONATION_LIMITS, typedWithin } from '../../cloudfunctions/core/limits';

export interface DonationForm {
  name: string;
  description: string;
  goalPoints: string;
  /** The end, in the community's time: "YYYY-MM-DD" and "HH:mm" from the date-and-time field. */
  endDate: string;
  endTime: string;
}

/**
 * 积分捐赠 and 积分众筹: the pools, one pool with its backers, backing one, starting a pooled
 * redemption of a reward, and (owner) opening a donation pool. Every call that moves points
 * carries one requestId per intent, so a retry after a lost answer cannot pay twice.
 */
export class PoolsStore {
  /** Newest first, a page at a time. */
  readonly list: PagedList<PoolView>;
  pool: PoolView | null = null;
  backers: BackerView[] = [];
  /** Said after an action: thanks, or that the pool is funded. */
  notice: string | null = null;
  private readonly loading = new Request('refresh');
  private readonly acting = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly intents: Intents,
  ) {
    this.list = new PagedList(
      async (page) => {
        const { pools, nextCursor } = await this.community.call('pools', 'list', page);
        return { rows: pools, nextCursor };
      },
      (pool) => pool.id,
    );
    makeAutoObservable<PoolsStore, 'community' | 'intents' | 'loading' | 'acting' | 'readPool'>(this, {
      list: false,
      community: false,
      intents: false,
      loading: false,
      acting: false,
      readPool: false,
    });
  }

  get pools(): PoolView[] {
    return this.list.rows;
  }

  get loaded(): boolean {
    return this.list.loaded;
  }

  get busy(): boolean {
    return this.acting.pending;
  }

  get error(): string | null {
    return this.acting.error ?? this.loading.error ?? this.list.error;
  }

  get open(): PoolView[] {
    return this.pools.filter((p) => p.status === 'open');
  }

  get closed(): PoolView[] {
    return this.pools.filter((p) => p.status !== 'open');
  }

  /** The first page of pools again. */
  async load(): Promise<void> {
    await this.list.load();
  }

  /** One pool's page, opened: without the last visit's message (another pool's page, without its numbers too). */
  async openPool(poolId: string): Promise<void> {
    runInAction(() => (this.notice = null));
    if (this.pool?.id !== poolId) runInAction(() => ((this.pool = null), (this.backers = [])));
    await this.readPool(poolId);
  }

  private async readPool(poolId: string): Promise<void> {
    await this.loading.run(async () => {
      const { pool, backers } = await this.community.call('pools', 'get', { poolId });
      runInAction(() => ((this.pool = pool), (this.backers = backers)));
    });
  }

  /** Puts points into the open pool. */
  async contribute(points: number): Promise<boolean> {
    const pool = this.pool;
    if (!pool) return false;
    const outcome = await this.acting.run(() =>
      this.intents.send(`pools.contribute:${JSON.stringify({ poolId: pool.id, points })}`, (requestId) =>
        this.community.call('pools', 'contribute', { poolId: pool.id, points, requestId }),
      ),
    );
    if (!outcome.done) return false;
    runInAction(
      () =>
        (this.notice =
          outcome.value.pool.status === 'funded'
            ? pool.kind === 'pooled'
              ? '凑齐了！奖品已为发起人下单'
              : '目标达成，谢谢你！'
            : `已投入 ${points} 积分，谢谢支持`),
    );
    await this.readPool(pool.id);
    return true;
  }

  /** Starts a pooled redemption of a reward; answers the new pool's id. */
  async start(itemId: string): Promise<string | null> {
    const outcome = await this.acting.run(() =>
      this.intents.send(`pools.start:${itemId}`, (requestId) => this.community.call('pools', 'start', { itemId, requestId })),
    );
    return outcome.done ? outcome.value.pool.id : null;
  }

  /** Owner: opens a donation pool. */
  async createDonation(form: DonationForm, tz: string): Promise<boolean> {
    const pool = {
      name: form.name.trim(),
      description: form.description.trim(),
      goalPoints: Number(form.goalPoints),
      endsAt: localToIso(`${form.endDate} ${form.endTime}`, tz) ?? '',
    };
    const outcome = await this.acting.run(() => this.community.call('pools', 'upsert', { pool }));
    if (outcome.done) {
      runInAction(() => (this.notice = `已发起捐赠「${pool.name}」`));
      await this.load();
    }
    return outcome.done;
  }
}

/** What to fix in a donation pool's form, per field, in plain Chinese; empty when it can be sent. */
export function donationProblems(form: DonationForm, now: Date, tz: string): Partial<Record<keyof DonationForm, string>> {
  const L = DONATION_LIMITS;
  const problems: Partial<Record<keyof DonationForm, string>> = {};
  if (!form.name.trim()) problems.name = '请填写名称';
  else if (form.name.trim().length > L.name) problems.name = `名称最多 ${L.name} 个字`;
  if (!typedWithin(form.goalPoints, L.goalPoints)) problems.goalPoints = `目标积分填 ${L.goalPoints.min} 到 ${L.goalPoints.max} 的整数`;
  const endsAt = localToIso(`${form.endDate} ${form.endTime}`, tz);
  if (!endsAt) problems.endDate = '请选择结束日期和时间';
  else if (Date.parse(endsAt) <= now.getTime()) problems.endDate = '结束时间须晚于现在';
  if (form.description.trim().length > L.description) problems.description = `说明最多 ${L.description} 字`;
  return problems;
}

/** A few taps to back a pool: round amounts up to what is left and what I have, and "the rest" when that fits. */
export function contributionChoices(remaining: number, balance: number): number[] {
  const cap = Math.min(remaining, balance);
  const choices = [10, 50, 100, 200].filter((n) => n < cap);
  if (cap > 0) choices.push(cap);
  return choices;
}
