import { makeAutoObservable, runInAction } from 'mobx';
import type { Reminders } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import type { Subscriber } from '../device/subscription';
import { Request } from './request';

/** The hour a reminder is first offered at (evening, when a missed check-in is noticed). */
export const DEFAULT_REMINDER_HOUR = 20;

/**
 * 明天提醒我: each tap asks WeChat for one more reminder (its one-time subscription) and, accepted,
 * tells the server the hour; the page shows how many are left.
 */
export class RemindersStore {
  reminders: Reminders['checkinReminder'] | null = null;
  /** Announcements that may still reach me as a WeChat message (null: not asked yet). */
  announcementsLeft: number | null = null;
  announcementNotice: string | null = null;
  hour = DEFAULT_REMINDER_HOUR;
  notice: string | null = null;
  readonly request = new Request();

  constructor(
    private readonly community: CommunityGateway,
    private readonly subscriber: Subscriber,
  ) {
    makeAutoObservable<RemindersStore, 'community' | 'subscriber'>(this, { community: false, subscriber: false, request: false });
  }

  async load(): Promise<void> {
    const outcome = await this.request.run(() => this.community.call('notices', 'subscriptions', {}));
    if (outcome.done)
      runInAction(
        () => (
          (this.reminders = outcome.value.checkinReminder),
          (this.hour = outcome.value.checkinReminder.hour ?? this.hour),
          (this.announcementsLeft = outcome.value.announcement.left)
        ),
      );
  }

  /** One more group announcement by WeChat message, if the member accepts it (each acceptance carries one). */
  async tellMeAnnouncements(): Promise<boolean> {
    const accepted = await this.subscriber(['announcement']);
    if (!accepted.includes('announcement')) {
      runInAction(() => (this.announcementNotice = '没有开启：需要在微信弹窗里点「允许」'));
      return false;
    }
    const outcome = await this.request.run(() => this.community.call('notices', 'subscribe', { kind: 'announcement' }));
    if (outcome.done)
      runInAction(
        () => (
          (this.announcementsLeft = outcome.value.announcement.left),
          (this.announcementNotice = `好的，下一条群公告也会发到微信（还可接收 ${outcome.value.announcement.left} 条）`)
        ),
      );
    return outcome.done;
  }

  setHour(hour: number): void {
    this.hour = hour;
  }

  /** One more reminder at the chosen hour, if the member accepts it in WeChat. */
  async remindMe(): Promise<boolean> {
    const accepted = await this.subscriber(['checkinReminder']);
    if (!accepted.includes('checkinReminder')) {
      runInAction(() => (this.notice = '没有开启提醒：需要在微信弹窗里点「允许」'));
      return false;
    }
    const outcome = await this.request.run(() =>
      this.community.call('notices', 'subscribe', { kind: 'checkin_reminder', hour: this.hour }),
    );
    if (outcome.done)
      runInAction(
        () => (
          (this.reminders = outcome.value.checkinReminder),
          (this.notice = `好的，${String(this.hour).padStart(2, '0')}:00 没签到会提醒你（还可提醒 ${outcome.value.checkinReminder.left} 次）`)
        ),
      );
    return outcome.done;
  }
}
