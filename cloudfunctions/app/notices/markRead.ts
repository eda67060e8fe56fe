import * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { markReadInput } from './inputs';

/** Marks all my notices read. Safe to repeat: each update only sets a flag. */
export async function markRead(input: z.output<typeof markReadInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid);
  const unread = await store.find('notices', { where: { communityId: input.communityId, openid: caller.openid, read: false }, limit: 100 });
  if (unread.length)
    await store.transaction(async (tx) => {
      for (const notice of unread) await tx.update('notices', notice._id, { read: true });
    });
  return { read: unread.length };
}
