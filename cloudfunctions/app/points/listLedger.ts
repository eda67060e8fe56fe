import * as z from 'zod';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import type { LedgerDoc } from '../documents';
import { toEntry } from '../ledgerWrites';
import { decodeCursor, pageOf } from '../schemas';
import { listLedgerInput } from './inputs';

/** The caller's own ledger, newest first. */
export async function listLedger(input: z.output<typeof listLedgerInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid);
  const rows = await store.find<LedgerDoc>('ledger', {
    where: {
      communityId: input.communityId,
      openid: caller.openid,
      ...(input.cursor ? { sortKey: { lt: decodeCursor(input.cursor) } } : {}),
    },
    orderBy: [['sortKey', 'desc']],
    limit: input.limit + 1,
  });
  const { page, nextCursor } = pageOf(rows, input.limit);
  return { entries: page.map(toEntry), nextCursor };
}
