import { NOTHING_WORN, wornNow, type Worn } from '../../core/wearables';
import { ids, type AppStore } from './documents';
import type { MemberDoc } from '../community/documents';

/**
 * What each of a page's authors wears now (titles and frames, core/wearables.ts), in one query of
 * their wardrobes only. Read when a list is shown, not copied onto posts, so a title taken off
 * or run out leaves every post at once.
 */
export async function wornBy(
  store: AppStore,
  communityId: string,
  openids: readonly string[],
  now: Date,
): Promise<(openid: string) => Worn> {
  const rows = await membersById(store, communityId, openids, ['wardrobe', 'wearing']);
  const worn = new Map(rows.map((m) => [m.openid, wornNow(m, now)]));
  return (openid) => worn.get(openid) ?? NOTHING_WORN;
}

/** The members of a page (distinct openids; none read when there are none), only the fields asked for: one query by id. */
export async function membersById(
  store: AppStore,
  communityId: string,
  openids: readonly string[],
  fields: ReadonlyArray<keyof MemberDoc & string>,
) {
  const distinct = [...new Set(openids)];
  if (!distinct.length) return [];
  return store.find('members', {
    where: { _id: { in: distinct.map((openid) => ids.member(communityId, openid)) } },
    limit: distinct.length,
    fields: ['openid', ...fields],
  });
}

/** A view with its author's worn title and frame beside the name. */
export const dressAuthor =
  (wornOf: (openid: string) => Worn) =>
  <T extends { author: { openid: string } }>(view: T): T => ({ ...view, author: { ...view.author, worn: wornOf(view.author.openid) } });

/** A page of views, each with its author's worn title and frame. */
export async function withWorn<T extends { author: { openid: string } }>(
  store: AppStore,
  communityId: string,
  views: T[],
  now: Date,
): Promise<T[]> {
  return views.map(
    dressAuthor(
      await wornBy(
        store,
        communityId,
        views.map((v) => v.author.openid),
        now,
      ),
    ),
  );
}
