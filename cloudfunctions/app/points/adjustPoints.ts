import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import { STAFF } from '../../core/roles';
import { ids } from '../kernel/documents';
import { once } from '../kernel/idempotency';
import { postingTime, recordPostings, toEntry } from '../kernel/ledgerWrites';
import { adjustPointsInput } from './inputs';
import { refusals } from '../../core/refusals';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';

/**
 * Staff correct a member's points with a reason, as a new ledger entry (never an edit).
 * Nobody adjusts their own points: every manual change has a second person behind it, and the
 * audit log names them. The member is told (a notice, and a subscription message where they
 * subscribed). A replay is answered from its request record and audits and tells nothing again.
 */
export async function adjustPoints(input: z.output<typeof adjustPointsInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const { community } = await requireMember(store, input.communityId, caller.openid, STAFF);
  if (input.openid === caller.openid) refuse('FORBIDDEN', '不能给自己调整积分');
  const time = postingTime(community, caller.now);
  // Set by the attempt that made the entry; a replay (answered from its record) tells nobody again.
  let told: Notice | null = null;
  const answer = await store.transaction((tx) => {
    told = null;
    return once(
      tx,
      { openid: caller.openid, requestId: input.requestId, params: { action: 'points.adjust', ...input }, now: caller.now },
      async () => {
        const target = (await tx.get('members', ids.member(input.communityId, input.openid))) ?? refusals.noSuchMember();
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
        const notice: Notice = {
          communityId: input.communityId,
          openid: input.openid,
          kind: 'points_adjusted',
          refId: entry.id,
          title: `群主${input.delta > 0 ? '奖励' : '扣除'}了 ${Math.abs(input.delta)} 积分`,
          body: input.reason,
          points: input.delta,
        };
        await writeNotice(tx, notice, caller.now);
        told = notice;
        await recordAudit(
          tx,
          {
            communityId: input.communityId,
            action: 'points.adjust',
            target: input.openid,
            detail: { delta: input.delta, reason: input.reason, entryId: entry.id },
          },
          caller,
        );
        return { entry };
      },
    );
  });
  if (told) await sendNotice(deps, told, input.reason, '/pages/ledger/index');
  return answer;
}
