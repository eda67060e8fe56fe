import * as z from 'zod';
import { refuse } from '../../core/errors';
import { fingerprint } from '../../core/fingerprint';
import { checkRedemption, redeemedAfter } from '../../core/mall';
import { isWearableKind, wardrobeAfterRedeem } from '../../core/wearables';
import { refusals } from '../../core/refusals';
import { tierOf } from '../../core/tiers';
import type { Caller, Deps } from '../kernel/context';
import { loadCommunity, activeMemberIn, ofCommunity } from '../kernel/access';
import { ids } from '../kernel/documents';
import { replayable, requestKey } from '../kernel/idempotency';
import { recordActivity } from '../kernel/activity';
import { postingTime } from '../kernel/ledgerWrites';
import { redeemItemInput } from './inputs';
import { newOrder } from './newOrder';
import { checkout, PAYMENT_WINDOW_MS } from './checkout';
import { needsShipping } from './views';
import type { RedeemResult } from '../../contract/views';

/**
 * A member spends points on a reward. A physical reward redeemed without an address (as v1
 * clients do) becomes a pending order that needs shipping; the member adds it with
 * mall.setShipping, and it cannot be shipped before. One transaction reads the member and the reward and
 * writes the reward (stock, coupon codes), the member (points, limits), the order
 * and its ledger entry: stock, limit, balance and ledger move together or not at all. The
 * order's id derives from the requestId and is written create-only, so a replay of any age
 * gets the first order back (see replayable) and never a second one. A points + cash reward
 * (积分+现金) is the same transaction with the order unpaid for 15 minutes; WeChat Pay's prepay
 * order is asked for after it commits (a side effect, never inside a transaction).
 */
export async function redeemItem(input: z.output<typeof redeemItemInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  const community = await loadCommunity(store, input.communityId);
  const time = postingTime(community, caller.now);
  const print = fingerprint({ action: 'mall.redeem', ...input });
  const orderId = requestKey('mall.redeem', input.communityId, caller.openid, input.requestId);
  const firstRedemption = async () => (await store.get('orders', orderId))?.request;

  const result = await replayable(print, firstRedemption, () =>
    store.transaction(async (tx) => {
      const member = await activeMemberIn(tx, input.communityId, caller.openid);
      const item = ofCommunity(await tx.get('items', input.itemId), input.communityId, refusals.noItem);
      const alreadyRedeemed = member.redeemed?.[input.itemId] ?? 0;
      checkRedemption(
        item,
        { tierIndex: tierOf(member, community.rules, time.day).index, alreadyRedeemed },
        input.quantity,
        caller.now,
        community.rules.tiers,
      );

      // A title or frame is worn from this moment: one at a time, in the member's wardrobe.
      const worn =
        isWearableKind(item.kind) && item.wear
          ? wardrobeAfterRedeem(member, { id: input.itemId, kind: item.kind, wear: item.wear }, caller.now)
          : null;
      if (worn && input.quantity !== 1) refuse('INVALID_INPUT', '称号和头像框一次兑换 1 件');
      if (item.cashPrice && !deps.platform.payment.ready) refuse('FORBIDDEN', '暂时不能用微信支付，请联系群主');
      const points = item.pointsPrice * input.quantity;
      const cash = item.cashPrice ? item.cashPrice * input.quantity : null;
      const couponCodes = item.kind === 'coupon' ? item.codes.slice(0, input.quantity) : [];
      const order = newOrder(
        orderId,
        {
          communityId: input.communityId,
          openid: caller.openid,
          nickname: member.nickname,
          itemId: input.itemId,
          itemName: item.name,
          image: item.images[0] ?? null,
          kind: item.kind,
          quantity: input.quantity,
          points,
          status: cash ? 'unpaid' : item.kind === 'coupon' || worn ? 'fulfilled' : 'pending',
          couponCodes,
          shipping: input.shipping ?? null,
          pickupSeed: deps.newId(),
        },
        caller.now,
      );
      const { account, taken } = await recordActivity(tx, member, time, {
        postings: [
          {
            id: ids.spend(input.communityId, caller.openid, orderId),
            kind: 'spend',
            delta: -points,
            reason: `兑换「${item.name}」×${input.quantity}`,
            refId: orderId,
          },
        ],
        extra: { redeemed: redeemedAfter(member.redeemed, input.itemId, input.quantity), ...worn },
      });
      const result: RedeemResult = {
        order: {
          id: orderId,
          itemId: input.itemId,
          quantity: input.quantity,
          points,
          status: order.status,
          couponCodes,
          needsShipping: needsShipping(order),
        },
        balance: account.balance,
      };
      await tx.update('items', input.itemId, {
        stock: item.stock - input.quantity,
        codes: item.codes.slice(couponCodes.length),
        updatedAt: order.updatedAt,
      });
      const expiresAt = new Date(caller.now.getTime() + PAYMENT_WINDOW_MS).toISOString();
      const payment = cash
        ? { payment: { amountFen: cash, expiresAt, params: null, paidAt: null, transactionId: null }, unpaidUntil: expiresAt }
        : {};
      await tx.create('orders', orderId, { ...order, ...payment, spentLots: taken, request: { fingerprint: print, result } });
      return result;
    }),
  );
  // 积分+现金: the points are taken and the unit reserved; now the money, outside the transaction.
  const placed = result.order.status === 'unpaid' ? await store.get('orders', orderId) : null;
  if (!placed) return result;
  return {
    ...result,
    order: { ...result.order, payment: await checkout(deps, placed, { communityName: community.name, clientIp: caller.clientIp ?? null }) },
  };
}
