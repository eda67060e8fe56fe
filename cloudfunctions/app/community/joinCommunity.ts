import * as z from 'zod';
import { dayOf } from '../../core/days';
import { inviterRefusal } from '../../core/referral';
import type { Caller, Deps } from '../kernel/context';
import { loadCommunity } from '../kernel/access';
import { ids } from '../kernel/documents';
import type { MemberDoc } from './documents';
import type { ReferralDoc } from '../referral/documents';
import { openGroup } from '../kernel/groupCloudId';
import { toMember } from './toMember';
import { admitMember, newMember } from './newMember';
import { joinCommunityInput } from './inputs';
import { screenShortText } from '../kernel/contentScreening';

/**
 * Joining twice is a no-op that returns the existing membership: an existing member's code,
 * group or inviter never change. A newcomer with an invite code gets their one inviter (unless
 * the code is their own or their own inviter's: then the invitation is recorded as rejected),
 * paid later, on the first check-in. A newcomer from a WeChat group the owner bound is tagged
 * with it; an unreadable group (expired cloudID, wrong scene) just leaves the tag empty.
 */
export async function joinCommunity(input: z.output<typeof joinCommunityInput>, caller: Caller, deps: Deps) {
  const { store, platform } = deps;
  const community = await loadCommunity(store, input.communityId);
  if (input.nickname) await screenShortText(deps, { openid: caller.openid, scene: 'profile', text: input.nickname, what: '昵称' });
  const code = input.inviteCode ? await store.get('inviteCodes', input.inviteCode.toUpperCase()) : null;
  const codeOwner = code?.communityId === input.communityId ? code.openid : null;
  const group = await openGroup(platform.openData, input.groupCloudId, caller.now);
  const id = ids.member(input.communityId, caller.openid);

  const member = await store.transaction(async (tx) => {
    const existing = await tx.get('members', id);
    if (existing) return existing;
    const inviter = codeOwner ? await tx.get('members', ids.member(input.communityId, codeOwner)) : null;
    const refusal = inviter
      ? inviterRefusal({ newcomer: caller.openid, inviter: inviter.openid, invitersInviter: inviter.invitedBy ?? null })
      : null;
    const joined: MemberDoc = {
      ...newMember(input.communityId, caller.openid, 'member', caller.now, input.nickname, input.inviteCode),
      invitedBy: inviter && !refusal ? inviter.openid : null,
      referralPending: Boolean(inviter && !refusal),
      groupId: group && community.groups?.includes(group) ? group : null,
    };
    await admitMember(tx, joined);
    if (inviter) {
      const at = caller.now.toISOString();
      const referral: ReferralDoc = {
        communityId: input.communityId,
        inviter: inviter.openid,
        invitee: caller.openid,
        inviteeNickname: joined.nickname,
        status: refusal ? 'rejected' : 'pending',
        reason: refusal,
        inviterAwarded: 0,
        inviteeAwarded: 0,
        capped: false,
        createdAt: at,
        settledAt: refusal ? at : null,
        sortKey: `${at}|${caller.openid}`,
      };
      await tx.set('referrals', ids.referral(input.communityId, caller.openid), referral);
    }
    return joined;
  });
  return { member: toMember(member, community, dayOf(caller.now, community.timezone)) };
}
