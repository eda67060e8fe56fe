import { makeAutoObservable, runInAction } from 'mobx';
import type { ActionOutput, ReferralView } from '../../cloudfunctions/contract/api';
import type { CommunityGateway } from '../gateway/communityGateway';
import { PagedList } from './pagedList';
import { Request } from './request';

type Landing = ActionOutput<'referral', 'landing'>;

const REFERRALS_PAGE = 100;

export const REFERRAL_STATUS_TEXT: Record<ReferralView['status'], string> = {
  pending: '待首次签到',
  rewarded: '已奖励',
  rejected: '未奖励',
};

/** Inviting friends: my code and share path, the poster's code, my referrals; and the invitee's landing. */
export class ReferralStore {
  inviteCode: string | null = null;
  path: string | null = null;
  /** The poster's mini-program code image; null where the app draws a QR code instead. */
  codeImage: string | null = null;
  /** The people I invited, newest first, a page at a time. */
  readonly list: PagedList<ReferralView>;
  landing: Landing | null = null;
  private readonly request = new Request('refresh');

  constructor(private readonly community: CommunityGateway) {
    this.list = new PagedList(
      async (page) => {
        const { referrals, nextCursor } = await this.community.call('referral', 'list', page);
        return { rows: referrals, nextCursor };
      },
      (referral) => referral.openid,
      REFERRALS_PAGE,
    );
    makeAutoObservable<ReferralStore, 'community' | 'request'>(this, { list: false, community: false, request: false });
  }

  get referrals(): ReferralView[] {
    return this.list.rows;
  }

  get error(): string | null {
    return this.request.error ?? this.list.error;
  }

  /** Over the referrals read so far (the newest REFERRALS_PAGE, then each 加载更多). */
  get summary(): { pending: number; rewarded: number; pointsEarned: number } {
    return {
      pending: this.referrals.filter((r) => r.status === 'pending').length,
      rewarded: this.referrals.filter((r) => r.status === 'rewarded').length,
      pointsEarned: this.referrals.reduce((sum, r) => sum + r.inviterPoints, 0),
    };
  }

  async load(): Promise<void> {
    await this.request.run(async () => {
      const [poster] = await Promise.all([this.community.call('referral', 'posterCode', {}), this.list.load()]);
      runInAction(() => {
        this.inviteCode = poster.inviteCode;
        this.path = poster.path;
        this.codeImage = poster.image;
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
