import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput, ReferralView } from '../../cloudfunctions/app/api';
import type { Gateway } from '../gateway/gateway';
import { messageOf } from './errors';

type Landing = ActionOutput<'referral', 'landing'>;

export const REFERRAL_STATUS_TEXT: Record<ReferralView['status'], string> = { pending: '待首次签到', rewarded: '已奖励', rejected: '未奖励' };

/** Inviting friends: my code and share path, the poster's code, my referrals; and the invitee's landing. */
export class ReferralStore {
  inviteCode: string | null = null;
  path: string | null = null;
  /** The poster's mini-program code image; null where the app draws a QR code instead. */
  codeImage: string | null = null;
  referrals: ReferralView[] = [];
  landing: Landing | null = null;
  error: string | null = null;

  constructor(
    private readonly gateway: Gateway,
    private readonly communityId: () => string | null,
  ) {
    makeAutoObservable<ReferralStore, 'gateway' | 'communityId'>(this, { gateway: false, communityId: false });
  }

  get summary(): { pending: number; rewarded: number; pointsEarned: number } {
    return {
      pending: this.referrals.filter((r) => r.status === 'pending').length,
      rewarded: this.referrals.filter((r) => r.status === 'rewarded').length,
      pointsEarned: this.referrals.reduce((sum, r) => sum + r.inviterPoints, 0),
    };
  }

  async load(): Promise<void> {
    const communityId = this.communityId();
    if (!communityId) return;
    try {
      const [poster, { referrals }] = await Promise.all([
        this.gateway.call('referral', 'posterCode', { communityId }),
        this.gateway.call('referral', 'list', { communityId }),
      ]);
      runInAction(() => {
        this.inviteCode = poster.inviteCode;
        this.path = poster.path;
        this.codeImage = poster.image;
        this.referrals = referrals;
        this.error = null;
      });
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    }
  }

  /** Before joining: who invited me and what we both get. */
  async loadLanding(inviteCode: string | null): Promise<void> {
    const communityId = this.communityId();
    if (!communityId) return;
    try {
      const landing = await this.gateway.call('referral', 'landing', { communityId, inviteCode: inviteCode ?? undefined });
      runInAction(() => (this.landing = landing));
    } catch (error) {
      runInAction(() => (this.error = messageOf(error)));
    }
  }
}
