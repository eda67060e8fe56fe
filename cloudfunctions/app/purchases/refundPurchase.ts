import type * as z from 'zod';
import { refuse } from '../../core/errors';
import { STAFF } from '../../core/roles';
import { requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import { requestKey } from '../kernel/idempotency';
import { postingTime, recordPostings, toEntry } from '../kernel/ledgerWrites';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';
import { refundPurchaseInput } from './inputs';

/**
 * A purchase returned: its points come back off the member — as many as they still have — as one
 * reversal whose id is the purchase's, so it happens once; lifetime earnings are undone with it.
 * The same request again answers the same reversal; another request is ALREADY_DONE.
 */
export async function refundPurchase(input: z.output<typeof refundPurchaseInput>, caller: Caller, deps: Deps) {
  const { community } = await requireMember(deps.store, input.communityId, caller.openid, STAFF);
  const key = requestKey('points.refundPurchase', input.communityId, caller.openid, input.requestId);
  let told: Notice | null = null;
  const answer = await deps.store.transaction(async (tx) => {
    told = null;
    const bought = await tx.get('ledger', input.entryId);
    if (!bought || bought.communityId !== input.communityId || bought.kind !== 'earn' || typeof bought.detail?.amountFen !== 'number')
      refuse('NOT_FOUND', '没有这笔购物积分');
    const reversalId = ids.ledger('reverse', input.communityId, bought!.openid, `purchase:${bought!.id}`);
    const earlier = await tx.get('ledger', reversalId);
    if (earlier)
      return earlier.detail?.requestKey === key ? { entry: toEntry(earlier) } : refuse('ALREADY_DONE', '这笔购物积分已经扣回过了');
    const member = (await tx.get('members', ids.member(input.communityId, bought!.openid))) ?? refuse('NOT_FOUND', '这位成员已不在社群');
    const take = Math.min(bought!.delta, member.balance);
    if (take <= 0) refuse('CONFLICT', '这位成员的积分已经用完，没有可扣回的');
    const { entries } = await recordPostings(
      tx,
      member,
      [
        {
          id: reversalId,
          kind: 'reverse',
          delta: -take,
          reason: `退货扣回：${input.reason}`,
          refId: bought!.id,
          reverses: { kind: 'earn', delta: bought!.delta, day: bought!.day },
          detail: { requestKey: key },
        },
      ],
      postingTime(community, caller.now),
    );
    const notice: Notice = {
      communityId: input.communityId,
      openid: member.openid,
      kind: 'purchase_refunded',
      refId: reversalId,
      title: `退货扣回 ${take} 积分`,
      body: input.reason,
      points: -take,
    };
    await writeNotice(tx, notice, caller.now);
    told = notice;
    await recordAudit(
      tx,
      {
        communityId: input.communityId,
        action: 'points.refundPurchase',
        target: member.openid,
        detail: { entryId: bought!.id, points: take, reason: input.reason },
      },
      caller,
    );
    return { entry: toEntry(entries[0]) };
  });
  if (told) await sendNotice(deps, told, (told as Notice).title, '/pages/ledger/index');
  return answer;
}
