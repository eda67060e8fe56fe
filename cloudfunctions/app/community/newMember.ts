import { emptyAccount } from '../../core/ledger';
import type { Role } from '../../core/roles';
import { segmentKeys } from '../kernel/activity';
import { earnedKey } from '../kernel/ledgerWrites';
import { ids, type AppTransaction } from '../kernel/documents';
import type { MemberDoc } from './documents';
import { keepFindableByName } from './nameSearch';

export function newMember(communityId: string, openid: string, role: Role, now: Date, nickname?: string, inviteCode?: string): MemberDoc {
  const joinedAt = now.toISOString();
  const name = nickname ?? defaultNickname(openid);
  return {
    communityId,
    openid,
    role,
    nickname: name,
    joinedAt,
    sortKey: `${joinedAt}|${openid}`,
    nameKey: nameKey(name, openid),
    ...segmentKeys({ openid, role }),
    earnedKey: earnedKey(0, openid),
    inviteCode: inviteCode ?? null,
    ...emptyAccount(),
    streak: 0,
    lastCheckinDay: null,
    checkinMonths: {},
    ranked: isRanked({ role }),
  };
}

/** Writes a new member, findable by their name from the same commit. */
export async function admitMember(tx: AppTransaction, member: MemberDoc): Promise<void> {
  await tx.set('members', ids.member(member.communityId, member.openid), member);
  await keepFindableByName(tx, member, null, member.nickname);
}

/** The name a member has until they give one. */
export const defaultNickname = (openid: string) => `成员${openid.slice(-4)}`;

/** Ranked on the leaderboards: plain members who have not hidden themselves; staff are not ranked. */
export const isRanked = (member: Pick<MemberDoc, 'role' | 'hideFromLeaderboard'>) =>
  member.role === 'member' && !member.hideFromLeaderboard;

/** A member's place among those of the same name: the nickname, then the openid so that keys are unique. */
export const nameKey = (nickname: string, openid: string) => `${nickname}|${openid}`;
