import { refuse } from '../../core/errors';
import { nameGrams, nameHolds, queryGrams, rarestGram, searchGrams } from '../../core/nameGrams';
import { ids, type AppStore, type AppTransaction } from '../kernel/documents';
import type { MemberDoc } from './documents';
import { decodeCursor, encodeCursor } from '../kernel/paging';
import { membersById } from '../kernel/wornBy';
import { MEMBER_VIEW_FIELDS, type MemberFacts } from './toMember';

/** Where a member stands under a part of their name: the part, then joining order (which a new nickname does not move). */
const gramKey = (gram: string, member: Pick<MemberDoc, 'joinedAt' | 'openid'>) => `${gram}|${member.joinedAt}|${member.openid}`;

/**
 * Keeps a member findable by every part of their nickname, in the transaction that gives it:
 * the parts the new name adds are written, the parts it dropped are cleared; the parts both
 * names share stay as they are, so a small change to a name writes little.
 */
export async function keepFindableByName(
  tx: AppTransaction,
  member: Pick<MemberDoc, 'communityId' | 'openid' | 'joinedAt'>,
  before: string | null,
  after: string,
): Promise<void> {
  const kept = before === null ? [] : nameGrams(before);
  const wanted = nameGrams(after);
  const write = (gram: string, sortKey: string | null) =>
    tx.set('nameGrams', ids.nameGram(member.communityId, member.openid, gram), {
      communityId: member.communityId,
      openid: member.openid,
      sortKey,
    });
  for (const gram of wanted) if (!kept.includes(gram)) await write(gram, gramKey(gram, member));
  for (const gram of kept) if (!wanted.includes(gram)) await write(gram, null);
}

/** Members named exactly this a search shows first; more of one name than this is not a name anyone picks from. */
const SAME_NAME_FIRST = 50;

/** The members named exactly `nickname` (the search's first page puts them first; its other pages leave them out). */
export const membersNamedExactly = (store: AppStore, communityId: string, nickname: string): Promise<MemberFacts[]> =>
  store.find('members', {
    where: { communityId, nameKey: { gte: `${nickname}|`, lt: `${nickname}|\uffff` } },
    orderBy: [['nameKey', 'asc']],
    limit: SAME_NAME_FIRST,
    fields: MEMBER_VIEW_FIELDS,
  });

type GramPart = { openid: string; sortKey?: string | null };

/** The names kept under `gram` in joining order, after `after` (a key of the same part) or from its first. */
const partsUnder = (store: AppStore, communityId: string, gram: string, after: string | null, limit: number): Promise<GramPart[]> =>
  store.find('nameGrams', {
    where: { communityId, sortKey: { ...(after ? { gt: after } : { gte: `${gram}|` }), lt: `${gram}|\uffff` } },
    orderBy: [['sortKey', 'asc']],
    limit,
    fields: ['openid', 'sortKey'],
  });

/**
 * Where a search starts: on its first page, the rarest of its parts, found by reading the first
 * `limit` names of each (the winner's are its first read, so it costs nothing twice); on a later
 * page, the part its cursor was read under, after the cursor.
 */
async function startOf(store: AppStore, communityId: string, q: string, cursor: string | null | undefined, limit: number) {
  if (cursor) {
    const after = decodeCursor(cursor);
    const gram = queryGrams(q).find((g) => after.startsWith(`${g}|`)) ?? refuse('INVALID_INPUT', '翻页位置不属于这次搜索，请重新搜索');
    return { gram, after, first: null };
  }
  const probes = await Promise.all(
    searchGrams(q).map(async (gram) => ({ gram, parts: await partsUnder(store, communityId, gram, null, limit) })),
  );
  const gram = rarestGram(
    probes.map((p) => ({ gram: p.gram, keys: p.parts.map((part) => part.sortKey!) })),
    limit,
  );
  return { gram, after: null, first: probes.find((p) => p.gram === gram)!.parts };
}

/**
 * The members whose nickname holds `q`, in joining order, kept by `keep` too: ranges of the
 * query's rarest part, then those members by id — a few queries a read, never more than `maxRead`
 * names a request beyond the comparison of its parts, whatever the size of the community. A page
 * cut short comes with a cursor.
 */
export async function membersByName(
  store: AppStore,
  communityId: string,
  q: string,
  keep: (member: MemberFacts) => boolean,
  page: { cursor?: string | null; limit: number; maxRead: number },
): Promise<{ rows: MemberFacts[]; nextCursor: string | null }> {
  const batch = (read: number) => Math.min(page.maxRead - read, Math.max(page.limit + 1, 50));
  const start = await startOf(store, communityId, q, page.cursor, batch(0));
  const kept: Array<{ member: MemberFacts; key: string }> = [];
  let { after } = start;
  for (let read = 0; read < page.maxRead;) {
    const limit = batch(read);
    const parts = read === 0 && start.first ? start.first : await partsUnder(store, communityId, start.gram, after, limit);
    read += parts.length;
    const found: MemberFacts[] = await membersById(
      store,
      communityId,
      parts.map((p) => p.openid),
      MEMBER_VIEW_FIELDS,
    );
    const byOpenid = new Map(found.map((m) => [m.openid, m]));
    for (const part of parts) {
      const member = byOpenid.get(part.openid);
      // A name changed since its part was read no longer holds the query: it is not kept.
      if (member && nameHolds(member.nickname, q) && keep(member)) kept.push({ member, key: part.sortKey! });
      if (kept.length > page.limit)
        return { rows: kept.slice(0, page.limit).map((k) => k.member), nextCursor: encodeCursor(kept[page.limit - 1].key) };
    }
    if (parts.length < limit) return { rows: kept.map((k) => k.member), nextCursor: null };
    after = parts.at(-1)!.sortKey!;
  }
  return { rows: kept.map((k) => k.member), nextCursor: after ? encodeCursor(after) : null };
}
