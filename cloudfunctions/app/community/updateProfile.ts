import * as z from 'zod';
import { dayOf } from '../../core/days';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../context';
import { loadCommunity } from '../access';
import { ids, type MemberDoc } from '../documents';
import { refusals } from '../../core/refusals';
import { updateProfileInput } from './inputs';
import { nameKey } from './newMember';
import { toMember } from './toMember';

/**
 * A member edits their own profile. A new nickname is findable at once (its search key moves
 * with it); earlier posts and orders keep the name they were made under. A birthday is set once:
 * the same one again is fine, a different one is refused, so nobody moves it to collect a gift.
 */
export async function updateProfile(input: z.output<typeof updateProfileInput>, caller: Caller, { store }: Deps) {
  const community = await loadCommunity(store, input.communityId);
  const id = ids.member(input.communityId, caller.openid);
  const member = await store.transaction(async (tx) => {
    const current = (await tx.get('members', id)) ?? refusals.notMember();
    if (input.birthday && current.birthday && current.birthday !== input.birthday) refuse('FORBIDDEN', '生日设置后不能更改');
    const changes: Partial<MemberDoc> = {
      ...(input.nickname !== undefined ? { nickname: input.nickname, nameKey: nameKey(input.nickname, caller.openid) } : {}),
      ...(input.avatar !== undefined ? { avatar: input.avatar } : {}),
      ...(input.birthday !== undefined ? { birthday: input.birthday } : {}),
      ...(input.hideFromLeaderboard !== undefined ? { hideFromLeaderboard: input.hideFromLeaderboard } : {}),
    };
    if (Object.keys(changes).length) await tx.update('members', id, changes);
    return { ...current, ...changes };
  });
  return { member: toMember(member, community, dayOf(caller.now, community.timezone)) };
}
