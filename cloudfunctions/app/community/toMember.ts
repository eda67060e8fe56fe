import { segmentOf } from '../../core/activity';
import { dayOf, type Day } from '../../core/days';
import { currentStreak } from '../../core/streak';
import { tierOf } from '../../core/tiers';
import { isStaff } from '../../core/roles';
import type { Member } from '../../contract/api';
import type { CommunityDoc, MemberDoc } from './documents';

/** What a member list shows of each member: all it reads of them (a projection). */
export const MEMBER_VIEW_FIELDS = [
  'openid',
  'nickname',
  'role',
  'joinedAt',
  'balance',
  'earnedTotal',
  'groupId',
  'invitedBy',
  'streak',
  'lastCheckinDay',
  'banned',
  'avatar',
  'birthday',
  'hideFromLeaderboard',
  'lastActiveDay',
  'coreUntil',
  'tierHeld',
  'tierKeepBy',
  'tierReviewOn',
] as const;

export type MemberFacts = Pick<MemberDoc, (typeof MEMBER_VIEW_FIELDS)[number]>;

/** A member as the API shows them: their tier by the community's rules; streak and segment as of `today` (the community's day). */
export function toMember(member: MemberFacts, community: Pick<CommunityDoc, 'rules' | 'timezone'>, today: Day): Member {
  const { openid, nickname, role, joinedAt, balance, earnedTotal, groupId, invitedBy, banned } = member;
  return {
    openid,
    nickname,
    role,
    joinedAt,
    balance,
    earnedTotal,
    groupId: groupId ?? null,
    invitedBy: invitedBy ?? null,
    tier: tierOf(member, community.rules, today).name,
    streak: currentStreak({ streak: member.streak ?? 0, lastCheckinDay: member.lastCheckinDay ?? null }, today),
    banned: Boolean(banned),
    avatar: member.avatar ?? null,
    birthday: member.birthday ?? null,
    hideFromLeaderboard: Boolean(member.hideFromLeaderboard),
    lastActiveDay: member.lastActiveDay || null,
    // Staff run the community: no segment, as they are in no health count (activity.ts segmentKeys).
    segment: isStaff(role)
      ? null
      : segmentOf(
          {
            lastActiveDay: member.lastActiveDay ?? '',
            activeDays: 0,
            coreUntil: member.coreUntil ?? '',
            joinedDay: dayOf(new Date(joinedAt), community.timezone),
          },
          today,
        ),
  };
}
