import * as z from 'zod';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import type { NoticeDoc } from '../documents';
import { communityId, cursor, decodeCursor, limit, pageOf } from '../schemas';

export const listNoticesInput = z.object({ communityId, cursor, limit });

/** Counted up to this many; the badge shows "99+" beyond. */
const UNREAD_COUNTED = 100;

export interface NoticeView {
  id: string;
  kind: NoticeDoc['kind'];
  title: string;
  body: string;
  refId: string;
  points: number;
  read: boolean;
  createdAt: string;
}

/** My notices, newest first, with how many are unread. */
export async function listNotices(input: z.output<typeof listNoticesInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid);
  const mine = { communityId: input.communityId, openid: caller.openid };
  const [rows, unread] = await Promise.all([
    store.find<NoticeDoc>('notices', {
      where: input.cursor ? { ...mine, sortKey: { lt: decodeCursor(input.cursor) } } : mine,
      orderBy: [['sortKey', 'desc']],
      limit: input.limit + 1,
    }),
    store.find<NoticeDoc>('notices', { where: { ...mine, read: false }, limit: UNREAD_COUNTED }),
  ]);
  const { page, nextCursor } = pageOf(rows, input.limit);
  const notices: NoticeView[] = page.map(({ _id, kind, title, body, refId, points, read, createdAt }) => ({ id: _id, kind, title, body, refId, points, read, createdAt }));
  return { notices, unread: unread.length, nextCursor };
}
