import { wardrobeView, wearingAfterChoice, wornNow } from '../../core/wearables';
import * as z from 'zod';
import { dayOf } from '../../core/days';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { loadCommunity } from '../kernel/access';
import { ids } from '../kernel/documents';
import type { MemberDoc } from './documents';
import { refusals } from '../../core/refusals';
import { updateProfileInput } from './inputs';
import { defaultNickname, isRanked, nameKey } from './newMember';
import { keepFindableByName } from './nameSearch';
import { engagementContext, engagementOf } from '../kernel/engagement';
import { postingTime, recordPostings } from '../kernel/ledgerWrites';
import { toMember } from './toMember';
import { screenShortText } from '../kernel/contentScreening';

/**
 * A member edits their own profile. A new nickname passes content security first and is findable at once (its parts move with
 * it); earlier posts and orders keep the name they were made under. A birthday is set once:
 * the same one again is fine, a different one is refused, so nobody moves it to collect a gift.
 * Choosing an avatar and a name completes the profile task, paid in this transaction. A title or
 * frame is worn only if the member owns it and it has not run out.
 */
export async function updateProfile(input: z.output<typeof updateProfileInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const community = await loadCommunity(store, input.communityId);
  if (input.nickname !== undefined)
    await screenShortText(deps, { openid: caller.openid, scene: 'profile', text: input.nickname, what: '昵称' });
  const id = ids.member(input.communityId, caller.openid);
  const today = dayOf(caller.now, community.timezone);
  const member = await store.transaction(async (tx) => {
    const current = (await tx.get('members', id)) ?? refusals.notMember();
    if (input.birthday && current.birthday && current.birthday !== input.birthday) refuse('FORBIDDEN', '生日设置后不能更改');
    const changes: Partial<MemberDoc> = {
      ...(input.nickname !== undefined ? { nickname: input.nickname, nameKey: nameKey(input.nickname, caller.openid) } : {}),
      ...(input.avatar !== undefined ? { avatar: input.avatar } : {}),
      ...(input.birthday !== undefined && !current.birthday ? { birthday: input.birthday, birthdaySetOn: today } : {}),
      ...(input.hideFromLeaderboard !== undefined
        ? {
            hideFromLeaderboard: input.hideFromLeaderboard,
            ranked: isRanked({ ...current, hideFromLeaderboard: input.hideFromLeaderboard }),
          }
        : {}),
      ...(input.wear ? { wearing: wearingAfterChoice(current, input.wear, caller.now) } : {}),
    };
    const after = { ...current, ...changes };
    if (changes.nickname !== undefined && changes.nickname !== current.nickname)
      await keepFindableByName(tx, current, current.nickname, changes.nickname);
    // The profile task pays once its member has chosen an avatar and a name of their own; a banned member earns none of it.
    const engaged = current.banned
      ? null
      : engagementOf(
          current,
          { gains: {}, earned: 0, profileSet: Boolean(after.avatar) && after.nickname !== defaultNickname(caller.openid) },
          engagementContext(community, caller.now, today),
          'profile',
        );
    if (engaged?.postings.length || engaged?.changes.tasks) {
      await recordPostings(tx, current, engaged.postings, postingTime(community, caller.now, today), {
        ...changes,
        tasks: engaged.changes.tasks,
      });
      await engaged.notify(tx);
    } else if (Object.keys(changes).length) await tx.update('members', id, changes);
    return after;
  });
  return { member: toMember(member, community, today), worn: wornNow(member, caller.now), wardrobe: wardrobeView(member, caller.now) };
}
