import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput, ReferralView } from '../../cloudfunctions/app/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import { Request } from './request';

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
  private readonly request = new Request('refresh');

  constructor(private readonly community: CommunityGateway) {
    makeAutoObservable<ReferralStore, 'community' | 'request'>(this, { community: false, request: false });
  }

  get error(): string | null {
    return this.request.error;
  }

  get summary(): { pending: number; rewarded: number; pointsEarned: number } {
    return {
      pending: this.referrals.filter((r) => r.status === 'pending').length,
      rewarded: this.referrals.filter((r) => r.status === 'rewarded').length,
      pointsEarned: this.referrals.reduce((sum, r) => sum + r.inviterPoints, 0),
    };
  }

  async load(): Promise<void> {
    await this.request.run(async () => {
      const [poster, { referrals }] = await Promise.all([this.community.call('referral', 'posterCode', {}), this.community.call('referral', 'list', {})]);
      runInAction(() => {
        this.inviteCode = poster.inviteCode;
        this.path = poster.path;
        this.codeImage = poster.image;
        this.referrals = referrals;
      });
    });
  }

  /** Before joining: who invited me and what we both get. */
  async loadLanding(inviteCode: string | null): Promise<void> {
    await this.request.run(async () => {
      const landing = await this.community.call('referral', 'landing', { inviteCode: inviteCode ?? undefined });
      runInAction(() => (this.landing = landing));
    });
  }
}
