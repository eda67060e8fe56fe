import type * as z from 'zod';
import { inviteCodeFrom } from '../../core/referral';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../context';
import { loadCommunity } from '../access';
import { ids, type InviteCodeDoc, type MemberDoc } from '../documents';
import { inCommunity } from '../schemas';
import { invitePath } from './views';

export const createInviteInput = inCommunity;

const ATTEMPTS = 5;

/** My invite code (made once, then always the same) and the page a share card opens. */
export async function createInvite({ communityId }: z.output<typeof createInviteInput>, caller: Caller, deps: Deps) {
  await loadCommunity(deps.store, communityId);
  const memberId = ids.member(communityId, caller.openid);
  const inviteCode = await deps.store.transaction(async (tx) => {
    const member = (await tx.get<MemberDoc>('members', memberId)) ?? refuse('FORBIDDEN', '请先加入这个社群');
    if (member.ownCode) return member.ownCode;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const code = inviteCodeFrom(Buffer.from(deps.newId() + deps.newId()));
      if (await tx.get('inviteCodes', code)) continue;
      await tx.set('inviteCodes', code, { communityId, openid: caller.openid, createdAt: caller.now.toISOString() } satisfies InviteCodeDoc);
      await tx.update('members', memberId, { ownCode: code });
      return code;
    }
    return refuse('CONFLICT', '邀请码生成失败，请再试一次');
  });
  return { inviteCode, path: invitePath(communityId, inviteCode) };
}
