import type { ReferralDoc } from './documents';
import { REJECTION_TEXT } from '../../core/referral';
import type { ReferralView } from '../../contract/views';

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
