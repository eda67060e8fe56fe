import * as z from 'zod';
import type { Caller, Deps } from '../context';
import { loadCommunity } from '../access';
import { ids, type MemberDoc } from '../documents';
import { toMember } from '../ledgerWrites';
import { communityId, text } from '../schemas';
import { newMember } from './newMember';

export const joinCommunityInput = z.object({
  communityId,
  inviteCode: z.string().regex(/^[A-Za-z0-9_-]{4,32}$/, '邀请码格式不对').optional(),
  nickname: text('昵称', 20).optional(),
});

/** Joining twice is a no-op that returns the existing membership. */
export async function joinCommunity(input: z.output<typeof joinCommunityInput>, caller: Caller, { store }: Deps) {
  await loadCommunity(store, input.communityId);
  const id = ids.member(input.communityId, caller.openid);
  const member = await store.transaction(async (tx) => {
    const existing = await tx.get<MemberDoc>('members', id);
    if (existing) return existing;
    const joined = newMember(input.communityId, caller.openid, 'member', caller.now, input.nickname, input.inviteCode);
    await tx.set('members', id, joined);
    return joined;
  });
  return { member: toMember(member) };
}
