import { refuse } from '../../core/errors';
import { refusals } from '../../core/refusals';
import type { Caller } from '../kernel/context';
import { ids, type AppTransaction, type Found } from '../kernel/documents';
import type { CommunityDoc } from '../community/documents';
import { postingTime, recordPostings, toEntry } from '../kernel/ledgerWrites';
import { rowKey } from './openRow';

/**
 * A waiting opening balance credited to a member, in the caller's transaction: the row is read
 * and marked claimed in the same transaction as the credit, so two claims of one row — racing,
 * or by a member and the owner at once — credit it once. The entry's id is the row's, so even a
 * row marked open again could not be credited twice.
 */
export async function creditRow(
  tx: AppTransaction,
  community: Found<CommunityDoc>,
  code: string,
  openid: string,
  how: 'code' | 'owner',
  caller: Caller,
) {
  const row =
    (await tx.get('openingBalances', ids.openingBalance(community._id, code))) ??
    refuse('NOT_FOUND', '领取码不对：请核对群主发给你的 8 位码');
  if (row.status === 'claimed') {
    if (row.claimedBy === openid) refuse('ALREADY_DONE', '这笔期初积分已经领取过了');
    refuse('CONFLICT', '这笔期初积分已被其他成员领取');
  }
  const member =
    (await tx.get('members', ids.member(community._id, openid))) ?? (how === 'code' ? refusals.notMember() : refusals.noSuchMember());
  if (member.banned) refuse('FORBIDDEN', how === 'code' ? '你已被群主暂停参与积分活动，暂时不能领取' : '该成员已被暂停参与，不能领取');
  const { entries, account } = await recordPostings(
    tx,
    member,
    [
      {
        id: ids.ledger('adjust', community._id, openid, `opening:${row.importId}:${row.line}`),
        kind: 'adjust',
        delta: row.points,
        reason: row.note ? `期初积分：${row.note}` : '期初积分（从原表格导入）',
        refId: row.importId,
      },
    ],
    postingTime(community, caller.now),
  );
  const at = caller.now.toISOString();
  await tx.update('openingBalances', row._id, {
    status: 'claimed',
    claimedBy: openid,
    claimedAt: at,
    claimedHow: how,
    entryId: entries[0].id,
    sortKey: rowKey(row.importId, 'claimed', row.line),
  });
  return { entry: toEntry(entries[0]), balance: account.balance, row: { name: row.name, points: row.points, note: row.note } };
}
