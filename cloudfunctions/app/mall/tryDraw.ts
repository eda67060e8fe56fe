import { randomInt } from 'node:crypto';
import * as z from 'zod';
import { refuse } from '../../core/errors';
import { fingerprint } from '../../core/fingerprint';
import { drawOutcome, ROLL_SPACE } from '../../core/lottery';
import type { Caller, Deps } from '../kernel/context';
import { loadCommunity, activeMemberIn } from '../kernel/access';
import { ids, type RequestDoc } from '../kernel/documents';
import { replayable, requestKey } from '../kernel/idempotency';
import { recordActivity } from '../kernel/activity';
import { postingTime } from '../kernel/ledgerWrites';
import { tryDrawInput } from './inputs';
import { newOrder } from './newOrder';
import type { DrawResult } from '../../contract/views';

/**
 * One try at a draw, one transaction: the cost is spent, and a prize (if the roll lands on one
 * that still has stock) becomes an order and loses a unit; a coupon prize's order carries a code
 * popped from its coupon reward's pool, so a code is issued once, whether by the mall or a draw. The roll is drawn once, before the
 * transaction, so a retried callback cannot re-roll; it is kept on the ledger entry for audit.
 * The try's id derives from the requestId and its request document is created with it, so a
 * replay of any age gets the first outcome back (see replayable) and is never charged again.
 */
export async function tryDraw(input: z.output<typeof tryDrawInput>, caller: Caller, { store, newId }: Deps) {
  const community = await loadCommunity(store, input.communityId);
  const time = postingTime(community, caller.now);
  const print = fingerprint({ action: 'mall.draw', ...input });
  const roll = randomInt(ROLL_SPACE);
  const tryId = requestKey('mall.draw', input.communityId, caller.openid, input.requestId);
  const requestDocId = ids.request(caller.openid, input.requestId);
  const firstTry = () => store.get('requests', requestDocId);

  return replayable(print, firstTry, () =>
    store.transaction(async (tx) => {
      const member = await activeMemberIn(tx, input.communityId, caller.openid);
      const draw = await tx.get('draws', input.drawId);
      if (!draw || draw.communityId !== input.communityId || !draw.active) return refuse('NOT_FOUND', '这个抽奖不存在或已结束');
      const rolled = drawOutcome(draw.prizes, roll);
      // A coupon prize takes a code from its coupon reward's pool; with none left it wins nothing, as a prize out of stock does.
      const pool = rolled?.kind === 'coupon' && rolled.itemId ? await tx.get('items', rolled.itemId) : null;
      const code = pool?.codes[0] ?? null;
      const prize = rolled && (rolled.kind !== 'coupon' || code) ? rolled : null;

      const { account } = await recordActivity(tx, member, time, {
        postings: [
          {
            id: ids.drawTry(input.communityId, caller.openid, tryId),
            kind: 'spend',
            delta: -draw.costPoints,
            reason: prize ? `抽奖「${draw.name}」抽中 ${prize.name}` : `抽奖「${draw.name}」`,
            refId: input.drawId,
            detail: { roll, rollSpace: ROLL_SPACE, prizeId: prize?.id ?? null },
          },
        ],
      });
      const result: DrawResult = {
        prize: prize && { id: prize.id, name: prize.name },
        roll,
        orderId: prize ? tryId : null,
        balance: account.balance,
      };
      const request: RequestDoc = { fingerprint: print, result, createdAt: caller.now.toISOString() };
      await tx.create('requests', requestDocId, request);
      if (prize) {
        await tx.update('draws', input.drawId, { prizes: draw.prizes.map((p) => (p.id === prize.id ? { ...p, stock: p.stock - 1 } : p)) });
        const order = newOrder(
          tryId,
          {
            communityId: input.communityId,
            openid: caller.openid,
            nickname: member.nickname,
            itemId: `${input.drawId}:${prize.id}`,
            itemName: `${prize.name}（${draw.name}）`,
            prize: { drawId: input.drawId, prizeId: prize.id },
            kind: prize.kind,
            quantity: 1,
            points: 0,
            pickupSeed: newId(),
          },
          caller.now,
        );
        await tx.create('orders', tryId, code ? { ...order, couponCodes: [code] } : order);
        if (pool && code)
          await tx.update('items', pool._id, {
            codes: pool.codes.slice(1),
            stock: pool.codes.length - 1,
            updatedAt: caller.now.toISOString(),
          });
      }
      return result;
    }),
  );
}
