import * as z from 'zod';
import { duePoints } from '../../core/ledger';
import type { Caller, Deps } from '../context';
import { ids, type CommunityDoc, type MemberDoc } from '../documents';
import { postingTime, recordPostings } from '../ledgerWrites';
import type { Found } from '../access';

export const expirePointsInput = z.object({}).strip();

const BATCH = 100;
/** Stays well inside a cloud function's time limit; the next run picks up the rest. */
const MAX_BATCHES = 50;

/**
 * Takes away points whose lot has expired, one transaction per member, oldest first. The
 * entry id names the last lot it expires, and the member's lots lose those points in the same
 * transaction, so a second or concurrent run finds nothing more to expire.
 */
export async function expirePoints(_input: z.output<typeof expirePointsInput>, caller: Caller, { store }: Deps) {
  const communities = new Map<string, Found<CommunityDoc> | null>();
  const now = caller.now;
  let expiredPoints = 0;
  let members = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await store.find<MemberDoc>('members', {
      where: { nextExpiryAt: { lte: now.toISOString() } },
      orderBy: [['nextExpiryAt', 'asc']],
      limit: BATCH,
    });
    if (due.length === 0) break;
    for (const candidate of due) {
      if (!communities.has(candidate.communityId)) communities.set(candidate.communityId, await store.get('communities', candidate.communityId));
      const community = communities.get(candidate.communityId);
      if (!community) continue;
      const expired = await store.transaction(async (tx) => {
        const member = await tx.get<MemberDoc>('members', candidate._id);
        if (!member) return 0;
        const { points } = duePoints(member, now);
        if (points === 0) return 0;
        // Named by the entry's place in the ledger: two runs can expire lots of the same instant.
        const key = String((member.seq ?? 0) + 1);
        await recordPostings(
          tx,
          member,
          [{ id: ids.ledger('expire', member.communityId, member.openid, key), kind: 'expire', delta: -points, reason: '积分到期', refId: null }],
          postingTime(community, now),
        );
        return points;
      });
      if (expired > 0) {
        expiredPoints += expired;
        members += 1;
      }
    }
    if (due.length < BATCH) break;
  }
  return { expiredPoints, members };
}
