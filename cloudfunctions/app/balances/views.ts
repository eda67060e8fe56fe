import type { AppStore, Found } from '../kernel/documents';
import type { BalanceImportDoc, OpeningBalanceDoc } from './documents';
import type { BalanceImport, OpeningBalance } from '../../contract/views';

/** The rows of an import in one state: a range of its key (importId|status|line). */
export const rowsIn = (importId: string, status: OpeningBalanceDoc['status'] | null) => {
  const prefix = status ? `${importId}|${status}|` : `${importId}|`;
  return { gte: prefix, lt: `${prefix}\uffff` };
};

export async function toImport(store: AppStore, doc: Found<BalanceImportDoc>): Promise<BalanceImport> {
  const [batch, claimed] = await Promise.all([
    store.get('batches', doc._id),
    store.count('openingBalances', { communityId: doc.communityId, sortKey: rowsIn(doc._id, 'claimed') }),
  ]);
  return {
    id: doc._id,
    createdAt: doc.createdAt,
    rows: doc.rows,
    points: doc.points,
    skippedLines: doc.skippedLines,
    status: batch?.status === 'done' ? 'ready' : 'writing',
    claimed,
  };
}

export const toOpeningBalance = (row: OpeningBalanceDoc, nickname: string | null): OpeningBalance => ({
  code: row.code,
  line: row.line,
  name: row.name,
  points: row.points,
  note: row.note,
  status: row.status,
  claimedBy: row.claimedBy ? { openid: row.claimedBy, nickname: nickname ?? '' } : null,
  claimedAt: row.claimedAt,
  claimedHow: row.claimedHow,
});
