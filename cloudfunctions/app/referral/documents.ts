/** Stored documents of the area (the collections are listed in kernel/documents.ts). Invitations: who brought whom, and the invite codes. */
import type { ReferralStatus, RejectionReason } from '../../core/referral';

/** One newcomer's invitation: `{communityId}:{invitee}`, so a member has at most one. */
export interface ReferralDoc {
  communityId: string;
  inviter: string;
  invitee: string;
  inviteeNickname: string;
  status: ReferralStatus;
  reason: RejectionReason | null;
  inviterAwarded: number;
  inviteeAwarded: number;
  /** The inviter was over the daily cap when it was settled. */
  capped: boolean;
  createdAt: string;
  settledAt: string | null;
  sortKey: string;
}

/** An invite code, found by the code itself. */
export interface InviteCodeDoc {
  communityId: string;
  openid: string;
  createdAt: string;
}
