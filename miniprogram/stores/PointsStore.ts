import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { Intents } from '../gateway/gateway';
import { Request } from './request';

export type MyPoints = ActionOutput<'points', 'me'>;
export type CheckinResult = ActionOutput<'checkin', 'checkin'>;
export type MakeUpQuote = ActionOutput<'checkin', 'makeUpQuote'>;

/** The home page's state: my points, tier, streak, today's check-in and the month's calendar. */
export class PointsStore {
  me: MyPoints | null = null;
  month: string | null = null;
  checkedDays: string[] = [];
  /** The month's days bought back (补签), shown apart from real check-ins. */
  madeUpDays: string[] = [];
  /** A missed day tapped in the calendar: what making it up costs and restores, waiting for a confirm. */
  makeUpOffer: MakeUpQuote | null = null;
  notice: string | null = null;
  /** The last check-in's result, for the "+points" animation; cleared when it has played. */
  lastCheckin: CheckinResult | null = null;
  private readonly loading = new Request('refresh');
  private readonly checking = new Request();
  private readonly makingUp = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly intents: Intents,
  ) {
    makeAutoObservable<PointsStore, 'community' | 'intents' | 'loading' | 'checking' | 'makingUp'>(this, {
      community: false,
      intents: false,
      loading: false,
      checking: false,
      makingUp: false,
    });
  }

  get checkingIn(): boolean {
    return this.checking.pending;
  }

  /** Why a tap did nothing (it outlives the refresh after it), else why loading failed. */
  get error(): string | null {
    return this.checking.error ?? this.makingUp.error ?? this.loading.error;
  }

  get makingUpPending(): boolean {
    return this.makingUp.pending;
  }

  /** A day the calendar can offer to make up: before today and not checked in. */
  canOfferMakeUp(day: string): boolean {
    return Boolean(this.me) && day < (this.me?.today ?? '') && !this.checkedDays.includes(day);
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
      const { days, madeUp } = await this.community.call('checkin', 'calendar', { month });
      runInAction(() => {
        this.month = month;
        this.checkedDays = days;
        this.madeUpDays = madeUp;
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

  /** A missed day was tapped: ask what a make-up would cost and restore. */
  async offerMakeUp(day: string): Promise<void> {
    if (!this.canOfferMakeUp(day)) return;
    this.notice = null;
    const outcome = await this.makingUp.run(() => this.community.call('checkin', 'makeUpQuote', { day }));
    if (outcome.done) runInAction(() => (this.makeUpOffer = outcome.value));
  }

  dismissMakeUp(): void {
    this.makeUpOffer = null;
  }

  async confirmMakeUp(): Promise<boolean> {
    const offer = this.makeUpOffer;
    if (!offer || offer.problem) return false;
    // One intent per day made up: a lost answer retried is the same request, another day is another.
    const outcome = await this.makingUp.run(() =>
      this.intents.send(`checkin.makeUp:${offer.day}`, (requestId) =>
        this.community.call('checkin', 'makeUp', { day: offer.day, requestId }),
      ),
    );
    if (!outcome.done) return false;
    runInAction(() => {
      this.makeUpOffer = null;
      this.notice = `已补签 ${offer.day.slice(5).replace('-', '月')}日，连签 ${outcome.value.streak} 天`;
    });
    await this.load();
    return true;
  }

  clearNotice(): void {
    this.notice = null;
  }
}

/** What a check-in paid, in total and made up of what: "+75", "5 签到 + 50 连签奖励 + 20 邀请奖励", "10 签到×2 + 10 新手任务". */
export function checkinBreakdown(result: Pick<CheckinResult, 'awarded' | 'bonus' | 'multiplier' | 'extras'> & { referralBonus?: number }): {
  total: number;
  parts: string;
} {
  const parts: Array<[number, string]> = [
    [result.awarded, result.multiplier ? `签到×${result.multiplier}` : '签到'],
    [result.bonus, '连签奖励'],
    [result.referralBonus ?? 0, '邀请奖励'],
    ...(result.extras ?? []).map((extra): [number, string] => [extra.points, extra.reason.split('：')[0]]),
  ];
  const paid = parts.filter(([points]) => points > 0);
  return {
    total: paid.reduce((sum, [points]) => sum + points, 0),
    parts: paid.length > 1 ? paid.map(([points, what]) => `${points} ${what}`).join(' + ') : '',
  };
}
