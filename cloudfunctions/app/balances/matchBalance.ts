import type * as z from 'zod';
import { refuse } from '../../core/errors';
import { OWNER } from '../../core/roles';
import { requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import type { Caller, Deps } from '../kernel/context';
import { once } from '../kernel/idempotency';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';
import { creditRow } from './creditRow';
import { matchBalanceInput } from './inputs';

/**
 * The owner gives a waiting opening balance to the member it belongs to (someone who joined
 * without the code). The member is told; the owner's match is audited once.
 */
export async function matchBalance(input: z.output<typeof matchBalanceInput>, caller: Caller, deps: Deps) {
  const { community } = await requireMember(deps.store, input.communityId, caller.openid, OWNER);
  if (input.openid === caller.openid) refuse('FORBIDDEN', '不能把导入的积分给自己');
  let told: Notice | null = null;
  const answer = await deps.store.transaction((tx) => {
    told = null;
    return once(
      tx,
      { openid: caller.openid, requestId: input.requestId, params: { action: 'points.matchBalance', ...input }, now: caller.now },
      async () => {
        const credited = await creditRow(tx, community, input.code, input.openid, 'owner', caller);
        const notice: Notice = {
          communityId: input.communityId,
          openid: input.openid,
          kind: 'points_adjusted',
          refId: credited.entry.id,
          title: `你的 ${credited.row.points} 期初积分已到账`,
          body: credited.entry.reason,
          points: credited.row.points,
        };
        await writeNotice(tx, notice, caller.now);
        told = notice;
        await recordAudit(
          tx,
          {
            communityId: input.communityId,
            action: 'points.matchBalance',
            target: input.openid,
            detail: { code: input.code, name: credited.row.name, points: credited.row.points },
          },
          caller,
        );
        return credited;
      },
    );
  });
  if (told) await sendNotice(deps, told, (told as Notice).body, '/pages/ledger/index');
  return answer;
}
