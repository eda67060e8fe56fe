import { emptyAccount } from '../../core/ledger';
import type { Role } from '../../core/roles';
import type { MemberDoc } from '../documents';

export function newMember(communityId: string, openid: string, role: Role, now: Date, nickname?: string, inviteCode?: string): MemberDoc {
  const joinedAt = now.toISOString();
  return {
    communityId,
    openid,
    role,
    nickname: nickname ?? `成员${openid.slice(-4)}`,
    joinedAt,
    sortKey: `${joinedAt}|${openid}`,
    inviteCode: inviteCode ?? null,
    ...emptyAccount(),
    streak: 0,
    lastCheckinDay: null,
    checkinMonths: {},
  };
}
