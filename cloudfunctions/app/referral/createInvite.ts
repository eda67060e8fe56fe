import type * as z from 'zod';
import { inviteCodeFrom } from '../../core/referral';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { activeMemberIn, requireMember, type MemberRead } from '../kernel/access';
import { ids } from '../kernel/documents';
import type { InviteCodeDoc } from './documents';
import { invitePath } from './views';
import { createInviteInput } from './inputs';

const ATTEMPTS = 5;

/** My invite code (made once, then always the same) and the page a share card opens. */
export async function createInvite({ communityId }: z.output<typeof createInviteInput>, caller: Caller, deps: Deps) {
  const { inviteCode } = await ensureInviteCode(communityId, caller, deps);
  return { inviteCode, path: invitePath(communityId, inviteCode) };
}

/** The caller's membership and invite code; a transaction only the first time. */
export async function ensureInviteCode(
  communityId: string,
  caller: Caller,
  deps: Deps,
): Promise<{ inviteCode: string; member: MemberRead }> {
  const { member } = await requireMember(deps.store, communityId, caller.openid);
  return { inviteCode: member.ownCode ?? (await makeCode(communityId, caller, deps)), member };
}

/** The first time only: a fresh code, claimed in one transaction so racing first asks agree on one. */
async function makeCode(communityId: string, caller: Caller, deps: Deps): Promise<string> {
  const memberId = ids.member(communityId, caller.openid);
  return deps.store.transaction(async (tx) => {
    const member = await activeMemberIn(tx, communityId, caller.openid);
    if (member.ownCode) return member.ownCode;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const code = inviteCodeFrom(Buffer.from(deps.newId() + deps.newId()));
      if (await tx.get('inviteCodes', code)) continue;
      await tx.set('inviteCodes', code, {
        communityId,
        openid: caller.openid,
        createdAt: caller.now.toISOString(),
      } satisfies InviteCodeDoc);
      await tx.update('members', memberId, { ownCode: code });
      return code;
    }
    return refuse('CONFLICT', '邀请码生成失败，请再试一次');
  });
}
