import * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { loadCommunity, READ_WITHOUT_LOTS } from '../kernel/access';
import { ids } from '../kernel/documents';
import { landingInput } from './inputs';

/**
 * What an invitee sees before joining: who invited them and what both get. Open to outsiders,
 * like community.get. An unknown or foreign code simply shows no inviter.
 */
export async function landing(input: z.output<typeof landingInput>, caller: Caller, { store }: Deps) {
  const community = await loadCommunity(store, input.communityId);
  const code = input.inviteCode ? await store.get('inviteCodes', input.inviteCode.toUpperCase()) : null;
  const inviter =
    code && code.communityId === input.communityId
      ? await store.get('members', ids.member(input.communityId, code.openid), READ_WITHOUT_LOTS)
      : null;
  const { inviteePoints, inviterPoints } = community.rules.referral;
  return {
    community: { id: input.communityId, name: community.name },
    inviter: inviter && inviter.openid !== caller.openid ? { nickname: inviter.nickname } : null,
    rewards: { inviteePoints, inviterPoints, checkinPoints: community.rules.checkin.points },
  };
}
