import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput } from '../../cloudfunctions/app/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import { Request } from './request';

export type MyPoints = ActionOutput<'points', 'me'>;
export type CheckinResult = ActionOutput<'checkin', 'checkin'>;

/** The home page's state: my points, tier, streak, today's check-in and the month's calendar. */
export class PointsStore {
  me: MyPoints | null = null;
  month: string | null = null;
  checkedDays: string[] = [];
  /** The last check-in's result, for the "+points" animation; cleared when it has played. */
  lastCheckin: CheckinResult | null = null;
  private readonly loading = new Request('refresh');
  private readonly checking = new Request();

  constructor(private readonly community: CommunityGateway) {
    makeAutoObservable<PointsStore, 'community' | 'loading' | 'checking'>(this, { community: false, loading: false, checking: false });
  }

  get checkingIn(): boolean {
    return this.checking.pending;
  }

  /** Why a tap did nothing (it outlives the refresh after it), else why loading failed. */
  get error(): string | null {
    return this.checking.error ?? this.loading.error;
  }

  /** Progress to the next tier, 0–100; 100 at the top tier. */
  get tierPercent(): number {
    const tier = this.me?.tier;
    if (!this.me || !tier || tier.nextMinPoints === null) return 100;
    return Math.min(100, Math.floor((this.me.earnedTotal / tier.nextMinPoints) * 100));
  }

  get pointsToNextTier(): number | null {
    const next = this.me?.tier.nextMinPoints;
    return this.me && next != null ? Math.max(0, next - this.me.earnedTotal) : null;
  }

  async load(): Promise<void> {
    // The numbers show as soon as they come; the calendar follows.
    const loaded = await this.loading.run(async () => {
      const me = await this.community.call('points', 'me', {});
      runInAction(() => (this.me = me));
      return me;
    });
    if (loaded.done) await this.loadMonth(this.month ?? loaded.value.today.slice(0, 7));
  }

  async loadMonth(month: string): Promise<void> {
    await this.loading.run(async () => {
      const { days } = await this.community.call('checkin', 'calendar', { month });
      runInAction(() => {
        this.month = month;
        this.checkedDays = days;
      });
    });
  }

  async checkIn(): Promise<CheckinResult | null> {
    const outcome = await this.checking.run(async () => {
      try {
        return await this.community.call('checkin', 'checkin', {});
      } finally {
        // Refresh either way: a refusal like ALREADY_DONE means the screen was stale.
        await this.load();
      }
    });
    const result = outcome.done ? outcome.value : null;
    runInAction(() => (this.lastCheckin = result));
    return result;
  }

  animationPlayed(): void {
    this.lastCheckin = null;
  }
}

/** What a check-in paid, in total and made up of what: "+75", "5 签到 + 50 连签奖励 + 20 邀请奖励". */
export function checkinBreakdown(result: Pick<CheckinResult, 'awarded' | 'bonus'> & { referralBonus?: number }): { total: number; parts: string } {
  const parts: Array<[number, string]> = [
    [result.awarded, '签到'],
    [result.bonus, '连签奖励'],
    [result.referralBonus ?? 0, '邀请奖励'],
  ];
  const paid = parts.filter(([points]) => points > 0);
  return { total: paid.reduce((sum, [points]) => sum + points, 0), parts: paid.length > 1 ? paid.map(([points, what]) => `${points} ${what}`).join(' + ') : '' };
}
