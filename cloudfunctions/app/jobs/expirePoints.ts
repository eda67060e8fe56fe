import * as z from 'zod';
import { duePoints } from '../../core/ledger';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import { communitiesOnce, settleDue } from './dueMembers';
import { postingTime, recordPostings } from '../kernel/ledgerWrites';
import { timeLeft } from './budget';
import { warnExpiring } from './warnExpiring';
import { expirePointsInput } from './inputs';

/**
 * Takes away points whose lot has expired, one transaction per member, soonest due first.
 * It pages through the index of due members until nothing is due or its time budget is spent;
 * the index itself is where it stopped: each member it settles leaves it (nextExpiryAt moves
 * on), so the next trigger resumes with whoever is still due. The entry and the member's
 * lots change in one transaction, so a second or concurrent run finds nothing more to expire.
 */
export async function expirePoints(_input: z.output<typeof expirePointsInput>, caller: Caller, deps: Deps) {
  const hasTime = timeLeft(deps);
  const expired = await expireDue(caller, deps, hasTime);
  // What is left of the budget tells who has points expiring within 7 days.
  const warnings = await warnExpiring(caller, deps, hasTime);
  return { ...expired, warned: warnings.warned, more: expired.more || warnings.more };
}

async function expireDue(caller: Caller, deps: Deps, hasTime: () => boolean) {
  const { store } = deps;
  const now = caller.now;
  const communityOf = communitiesOnce(deps);
  let expiredPoints = 0;
  let members = 0;
  const { more } = await settleDue(
    deps,
    { where: { nextExpiryAt: { lte: now.toISOString() } }, by: 'nextExpiryAt' },
    hasTime,
    async (memberId) => {
      const expired = await store.transaction(async (tx) => {
        const member = await tx.get('members', memberId);
        const community = member && (await communityOf(member.communityId));
        if (!member || !community) return 0;
        const { points } = duePoints(member, now);
        if (points === 0) return 0;
        // Named by the entry's place in the ledger: two runs can expire lots of the same instant.
        const key = String((member.seq ?? 0) + 1);
        await recordPostings(
          tx,
          member,
          [
            {
              id: ids.ledger('expire', member.communityId, member.openid, key),
              kind: 'expire',
              delta: -points,
              reason: '积分到期',
              refId: null,
            },
          ],
          postingTime(community, now),
        );
        return points;
      });
      if (expired === 0) return false;
      expiredPoints += expired;
      members += 1;
      return true;
    },
  );
  return { expiredPoints, members, more };
}
