import * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';

import { listNoticesInput } from './inputs';
import { toNotice } from './views';
import { pageOf } from '../kernel/paging';

/** Counted up to this many; the badge shows "99+" beyond. */
const UNREAD_COUNTED = 100;

/** My notices, newest first, with how many are unread. */
export async function listNotices(input: z.output<typeof listNoticesInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid);
  const mine = { communityId: input.communityId, openid: caller.openid };
  const [{ rows, nextCursor }, unread] = await Promise.all([
    pageOf(store, 'notices', mine, { ...input, order: 'desc' }),
    store.find('notices', { where: { ...mine, read: false }, limit: UNREAD_COUNTED }),
  ]);
  return { notices: rows.map(toNotice), unread: unread.length, nextCursor };
}
