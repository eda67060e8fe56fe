import { earningOf, rememberPrint, type ContentKind } from '../core/content';
import type { AppTransaction } from './documents';
import { ids, type MemberDoc, type NoPoints } from './documents';

/**
 * Inside the transaction that stores a post or an answer: whether it can earn, judged against
 * the author's recent contributions, and the author's fingerprints updated to include it.
 */
export async function judgeContribution(
  tx: AppTransaction,
  author: MemberDoc,
  contribution: { kind: ContentKind; id: string; text: string; now: Date },
): Promise<NoPoints | null> {
  const earning = earningOf(contribution.kind, contribution.text, author.recentContent);
  await tx.update('members', ids.member(author.communityId, author.openid), {
    recentContent: rememberPrint(author.recentContent, contribution.kind, contribution.id, contribution.text, contribution.now),
  });
  return earning.earns ? null : { reason: earning.reason, message: earning.message };
}
