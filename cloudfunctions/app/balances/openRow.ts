import type { SheetRow } from '../../core/balanceSheet';
import { DuplicateError } from '../../store/port';
import type { Deps } from '../kernel/context';
import { ids, type Found } from '../kernel/documents';
import type { BalanceImportDoc, OpeningBalanceDoc } from './documents';
import { claimCode } from './claimCode';

/** Codes tried for one row before it is reported: a second collision in 40 bits does not happen. */
const ATTEMPTS = 4;

export const rowKey = (importId: string, status: OpeningBalanceDoc['status'], line: number) =>
  `${importId}|${status}|${String(line).padStart(6, '0')}`;

/**
 * An imported row becomes a credit waiting for its member, named by its claim code. Create-only:
 * the row written before (a page done again, a racing run) is recognised by its import and line
 * and counts as done; a code another row holds moves this row to its next code.
 */
export async function openRow({ store }: Deps, balanceImport: Found<BalanceImportDoc>, row: SheetRow): Promise<'done' | { skip: string }> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const code = claimCode(balanceImport.secret, row.line, attempt);
    const id = ids.openingBalance(balanceImport.communityId, code);
    const doc: OpeningBalanceDoc = {
      communityId: balanceImport.communityId,
      importId: balanceImport._id,
      ...row,
      code,
      status: 'open',
      claimedBy: null,
      claimedAt: null,
      claimedHow: null,
      entryId: null,
      sortKey: rowKey(balanceImport._id, 'open', row.line),
    };
    try {
      await store.transaction((tx) => tx.create('openingBalances', id, doc));
      return 'done';
    } catch (error) {
      if (!(error instanceof DuplicateError)) throw error;
      const there = await store.get('openingBalances', id);
      if (there?.importId === balanceImport._id && there.line === row.line) return 'done';
    }
  }
  return { skip: '领取码重复，请重新导入这一行' };
}
