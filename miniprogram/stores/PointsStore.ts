import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput } from '../../cloudfunctions/app/api';
import type { Gateway } from '../gateway/gateway';
import { messageOf } from './errors';

export type MyPoints = ActionOutput<'points', 'me'>;
export type CheckinResult = ActionOutput<'checkin', 'checkin'>;

/** The home page's state: my points, tier, streak, today's check-in and the month's calendar. */
export class PointsStore {
  me: MyPoints | null = null;
  month: string | null = null;
  checkedDays: string[] = [];
  checkingIn = false;
  /** The last check-in's result, for the "+points" animation; cleared when it has played. */
  lastCheckin: CheckinResult | null = null;
  error: string | null = null;

  constructor(
    private readonly gateway: Gateway,
    private readonly communityId: () => string | null,
  ) {
    makeAutoObservable<PointsStore, 'gateway' | 'communityId'>(this, { gateway: false, communityId: false });
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
    const communityId = this.communityId();
    if (!communityId) return;
    try {
      const me = await this.gateway.call('points', 'me', { communityId });
      runInAction(() => {
        this.me = me;
        this.error = null;
      });
      await this.loadMonth(this.month ?? me.today.slice(0, 7));
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    }
  }

  async loadMonth(month: string): Promise<void> {
    const communityId = this.communityId();
    if (!communityId) return;
    try {
      const { days } = await this.gateway.call('checkin', 'calendar', { communityId, month });
      runInAction(() => {
        this.month = month;
        this.checkedDays = days;
      });
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    }
  }

  async checkIn(): Promise<CheckinResult | null> {
    const communityId = this.communityId();
    if (!communityId || this.checkingIn) return null;
    this.checkingIn = true;
    let result: CheckinResult | null = null;
    let failure: string | null = null;
    try {
      result = await this.gateway.call('checkin', 'checkin', { communityId });
    } catch (error) {
      failure = messageOf(error);
    }
    // Refresh either way (a refusal like ALREADY_DONE means the screen was stale), then say
    // why a tap did nothing — after the refresh, so it cannot wipe the message.
    await this.load();
    runInAction(() => {
      this.lastCheckin = result;
      if (failure) this.error = failure;
      this.checkingIn = false;
    });
    return result;
  }

  animationPlayed(): void {
    this.lastCheckin = null;
  }
}
