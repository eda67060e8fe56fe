import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import { recordAudit } from '../audit';
import { STAFF } from '../../core/roles';
import { ids } from '../documents';
import { once } from '../idempotency';
import { postingTime, recordPostings, toEntry } from '../ledgerWrites';
import { adjustPointsInput } from './inputs';
import { refusals } from '../../core/refusals';

/**
 * Staff correct a member's points with a reason, as a new ledger entry (never an edit).
 * Nobody adjusts their own points: every manual change has a second person behind it, and the
 * audit log names them. A replay is answered from its request record and audits nothing again.
 */
export async function adjustPoints(input: z.output<typeof adjustPointsInput>, caller: Caller, { store }: Deps) {
  const { community } = await requireMember(store, input.communityId, caller.openid, STAFF);
  if (input.openid === caller.openid) refuse('FORBIDDEN', '不能给自己调整积分');
  const time = postingTime(community, caller.now);
  return store.transaction((tx) =>
    once(tx, { openid: caller.openid, requestId: input.requestId, params: { action: 'points.adjust', ...input }, now: caller.now }, async () => {
      const target =
        (await tx.get('members', ids.member(input.communityId, input.openid))) ??
        refusals.noSuchMember();
      const { entries } = await recordPostings(
        tx,
        target,
        [
          {
            id: ids.ledger('adjust', input.communityId, input.openid, `${caller.openid}:${input.requestId}`),
            kind: 'adjust',
            delta: input.delta,
            reason: input.reason,
            refId: caller.openid,
          },
        ],
        time,
      );
      const entry = toEntry(entries[0]);
      await recordAudit(tx, { communityId: input.communityId, action: 'points.adjust', target: input.openid, detail: { delta: input.delta, reason: input.reason, entryId: entry.id } }, caller);
      return { entry };
    }),
  );
}
