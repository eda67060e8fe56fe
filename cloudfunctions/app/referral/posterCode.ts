import type * as z from 'zod';
import type { Caller, Deps } from '../context';
import { ids, type MemberDoc } from '../documents';
import { inCommunity } from '../schemas';
import { createInvite } from './createInvite';

export const posterCodeInput = inCommunity;

/**
 * What the share poster shows as its code: a mini-program code image for my invite (made once
 * and kept on my member document), or, where the platform has none (the local runtime), null:
 * the app then draws a QR code of the H5 invite link itself.
 */
export async function posterCode(input: z.output<typeof posterCodeInput>, caller: Caller, deps: Deps) {
  const { inviteCode, path } = await createInvite(input, caller, deps);
  const memberId = ids.member(input.communityId, caller.openid);
  const member = await deps.store.get<MemberDoc>('members', memberId);
  if (member?.codeImage) return { inviteCode, path, image: member.codeImage };
  // wxacode's scene holds at most 32 visible characters: the code alone; the join page reads it.
  const image = await deps.platform.codes.codeFor({ page: 'pages/join/index', scene: `c=${input.communityId.slice(0, 20)}&i=${inviteCode}` });
  if (image) await deps.store.transaction((tx) => tx.update('members', memberId, { codeImage: image }));
  return { inviteCode, path, image };
}
