/**
 * Referral rules. A newcomer has at most one inviter: the first valid code they joined with.
 * Nothing is paid on joining; the reward waits for the newcomer's first check-in (real
 * activity), and then is paid once, to both sides, unless the risk gate stops it.
 */
export type ReferralStatus = 'pending' | 'rewarded' | 'rejected';

export type RejectionReason = 'self' | 'circular' | 'risk';

export const REJECTION_TEXT: Record<RejectionReason, string> = {
  self: '不能邀请自己',
  circular: '不能邀请邀请你的人',
  risk: '账号存在风险，邀请奖励未发放',
};

/**
 * Whether a code owner may become this newcomer's inviter. Existing members never reach here
 * (joining twice changes nothing), so this is about who the inviter is.
 */
export function inviterRefusal(c: { newcomer: string; inviter: string; invitersInviter: string | null }): RejectionReason | null {
  if (c.inviter === c.newcomer) return 'self';
  if (c.invitersInviter === c.newcomer) return 'circular';
  return null;
}

/** WeChat's user risk rank (riskControl.getUserRiskRank): 0 lowest … 4 highest. */
export const passesRiskGate = (rank: number, threshold: number): boolean => rank < threshold;

/** An invite code: 8 characters without look-alikes (0/O, 1/I/L), easy to read aloud or type. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE = /^[2-9A-HJKMNP-Z]{8}$/;

export function inviteCodeFrom(randomBytes: Uint8Array): string {
  return Array.from(randomBytes.slice(0, 8), (byte) => INVITE_ALPHABET[byte % INVITE_ALPHABET.length]).join('');
}

/**
 * A mini-program code carries its target as `scene` (at most 32 characters) instead of page
 * parameters: `c=<communityId>&i=<inviteCode>`. The server writes it, the join page reads it.
 */
export const MAX_SCENE = 32;
export const inviteScene = (communityId: string, inviteCode: string) => `c=${communityId}&i=${inviteCode}`;

export function parseInviteScene(scene: string): { communityId: string; inviteCode: string } | null {
  const fields = Object.fromEntries(
    decodeURIComponent(scene)
      .split('&')
      .map((pair) => pair.split('=') as [string, string]),
  );
  return fields.c && fields.i ? { communityId: fields.c, inviteCode: fields.i } : null;
}
