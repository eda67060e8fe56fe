import * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { toEntry } from '../kernel/ledgerWrites';

import { listLedgerInput } from './inputs';
import { pageOf } from '../kernel/paging';

/** The caller's own ledger, newest first. */
export async function listLedger(input: z.output<typeof listLedgerInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid);
  const { rows, nextCursor } = await pageOf(
    store,
    'ledger',
    { communityId: input.communityId, openid: caller.openid },
    { ...input, order: 'desc' },
  );
  return { entries: rows.map(toEntry), nextCursor };
}
