import type * as z from 'zod';
import { inviteScene, MAX_SCENE } from '../../core/referral';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import { ensureInviteCode } from './createInvite';
import { invitePath } from './views';
import { posterCodeInput } from './inputs';

/**
 * What the share poster shows as its code: a mini-program code image for my invite (made once
 * and kept on my member document), or, where the platform has none (the local runtime), null:
 * the app then draws a QR code of the H5 invite link itself.
 */
export async function posterCode(input: z.output<typeof posterCodeInput>, caller: Caller, deps: Deps) {
  const { inviteCode, member } = await ensureInviteCode(input.communityId, caller, deps);
  const path = invitePath(input.communityId, inviteCode);
  if (member.codeImage) return { inviteCode, path, image: member.codeImage };
  const scene = inviteScene(input.communityId, inviteCode);
  // wxacode's scene holds at most 32 characters; the join page reads it back (parseScene).
  const image = scene.length <= MAX_SCENE ? await deps.platform.codes.codeFor({ page: 'pages/join/index', scene }) : null;
  if (image) await deps.store.transaction((tx) => tx.update('members', ids.member(input.communityId, caller.openid), { codeImage: image }));
  return { inviteCode, path, image };
}
