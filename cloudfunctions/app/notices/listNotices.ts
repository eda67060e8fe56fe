import * as z from 'zod';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import type { NoticeDoc } from '../documents';
import { decodeCursor, pageOf } from '../schemas';
import { listNoticesInput } from './inputs';
import { toNotice } from './views';

/** Counted up to this many; the badge shows "99+" beyond. */
const UNREAD_COUNTED = 100;

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
  return { notices: page.map(toNotice), unread: unread.length, nextCursor };
}
