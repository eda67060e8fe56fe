import type { ReferralDoc } from '../kernel/documents';
import { REJECTION_TEXT } from '../../core/referral';

export interface ReferralView {
  openid: string;
  nickname: string;
  status: ReferralDoc['status'];
  /** Why it was rejected, in words. */
  reason: string | null;
  inviterPoints: number;
  capped: boolean;
  createdAt: string;
}

export const toReferral = (r: ReferralDoc): ReferralView => ({
  openid: r.invitee,
  nickname: r.inviteeNickname,
  status: r.status,
  reason: r.reason ? REJECTION_TEXT[r.reason] : null,
  inviterPoints: r.inviterAwarded,
  capped: r.capped,
  createdAt: r.createdAt,
});

/** The page a share card opens: the invitee's landing. */
export const invitePath = (communityId: string, inviteCode: string) =>
  `/pages/join/index?communityId=${communityId}&inviteCode=${inviteCode}`;
