import type * as z from 'zod';
import { OWNER } from '../../core/roles';
import { refusals } from '../../core/refusals';
import { ofCommunity, requireMember } from '../kernel/access';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import { pageOf } from '../kernel/paging';
import { importRowsInput, listImportsInput } from './inputs';
import { rowsIn, toImport, toOpeningBalance } from './views';

/** The owner's imports, newest first, each with how many of its rows have been claimed. */
export async function listImports(input: z.output<typeof listImportsInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const page = await pageOf(
    store,
    'balanceImports',
    { communityId: input.communityId },
    { cursor: input.cursor, limit: input.limit, order: 'desc' },
  );
  return { imports: await Promise.all(page.rows.map((doc) => toImport(store, doc))), nextCursor: page.nextCursor };
}

/** An import's rows in file order — the unclaimed ones (status open) with their codes to share, or who claimed which. */
export async function importRows(input: z.output<typeof importRowsInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  ofCommunity(await store.get('balanceImports', input.importId), input.communityId, refusals.noImport);
  const page = await pageOf(
    store,
    'openingBalances',
    { communityId: input.communityId, sortKey: rowsIn(input.importId, input.status ?? null) },
    { cursor: input.cursor, limit: input.limit, order: 'asc' },
  );
  const claimers = [...new Set(page.rows.flatMap((row) => (row.claimedBy ? [row.claimedBy] : [])))];
  const members = await Promise.all(claimers.map((openid) => store.get('members', ids.member(input.communityId, openid))));
  const nickname = new Map(members.flatMap((m) => (m ? [[m.openid, m.nickname] as const] : [])));
  return {
    rows: page.rows.map((row) => toOpeningBalance(row, row.claimedBy ? (nickname.get(row.claimedBy) ?? null) : null)),
    nextCursor: page.nextCursor,
  };
}
