import { earningOf, rememberPrint, type ContentKind } from '../../core/content';
import { recordActivity } from './activity';
import type { AppTransaction } from './documents';
import { ids } from './documents';
import type { MemberDoc } from '../community/documents';
import type { LedgerTime } from './ledgerWrites';
import type { NoPoints } from '../../contract/views';

/**
 * Inside the transaction that stores a post or an answer: whether it can earn, judged against
 * the author's recent contributions, and the author's fingerprints updated to include it. Writing
 * one is activity, and the rollup counts it (an event of its kind).
 */
export async function judgeContribution(
  tx: AppTransaction,
  author: MemberDoc,
  contribution: { kind: Exclude<ContentKind, 'comment'>; id: string; text: string },
  time: LedgerTime,
): Promise<NoPoints | null> {
  const earning = earningOf(contribution.kind, contribution.text, author.recentContent);
  await recordActivity(tx, author, time, {
    extra: { recentContent: rememberPrint(author.recentContent, contribution.kind, contribution.id, contribution.text, time.now) },
    event: { kind: contribution.kind, id: ids.event(contribution.kind, contribution.id) },
  });
  return earning.earns ? null : { reason: earning.reason, message: earning.message };
}
