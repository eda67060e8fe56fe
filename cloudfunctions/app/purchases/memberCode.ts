import type * as z from 'zod';
import { MEMBER_CODE_TTL_MS, memberCodeOf } from '../../core/purchases';
import { requireMember } from '../kernel/access';
import type { Caller, Deps } from '../kernel/context';
import { memberCodeInput } from './inputs';

/**
 * 会员码: a fresh code for the member to show (the app asks again before it lapses). Each new code
 * replaces the last, so a photo of an old one credits nothing.
 */
export async function memberCode(input: z.output<typeof memberCodeInput>, caller: Caller, { store, newId }: Deps) {
  const { member } = await requireMember(store, input.communityId, caller.openid);
  const secret = newId();
  const expiresAt = new Date(caller.now.getTime() + MEMBER_CODE_TTL_MS).toISOString();
  await store.transaction((tx) => tx.update('members', member._id, { memberCode: { secret, expiresAt, usedAt: null } }));
  return { code: memberCodeOf(input.communityId, caller.openid, secret), expiresAt };
}
