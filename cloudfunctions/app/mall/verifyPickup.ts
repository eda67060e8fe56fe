import type * as z from 'zod';
import { localDateTime } from '../../core/days';
import { refuse } from '../../core/errors';
import { STAFF } from '../../core/roles';
import { requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import type { Caller, Deps } from '../kernel/context';
import { ids } from '../kernel/documents';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';
import { pickupsWaitingInput, verifyPickupInput } from './inputs';
import { ORDERS_PAGE, toOrder } from './views';

/**
 * 核销: staff scan the code on a member's service, coupon or prize order and it is redeemed — once.
 * The order document decides: a second scan is ALREADY_DONE and says who redeemed it and when; a
 * cancelled or unpaid order is refused. A service order is fulfilled by it; the member is told.
 */
export async function verifyPickup(input: z.output<typeof verifyPickupInput>, caller: Caller, deps: Deps) {
  const { community } = await requireMember(deps.store, input.communityId, caller.openid, STAFF);
  const [found] = await deps.store.find('orders', {
    where: { communityId: input.communityId, pickupCode: input.pickupCode },
    limit: 1,
    fields: ['status'],
  });
  if (!found) refuse('NOT_FOUND', '没有这个核销码：请会员打开「我的订单」出示二维码');
  const { order, notice } = await deps.store.transaction(async (tx) => {
    const current = (await tx.get('orders', found!._id))!;
    if (current.verifiedAt) {
      const by = await tx.get('members', ids.member(input.communityId, current.verifiedBy!));
      refuse(
        'ALREADY_DONE',
        `已于 ${localDateTime(new Date(current.verifiedAt), community.timezone).slice(0, 16)} 由 ${by?.nickname ?? '管理员'} 核销过了`,
      );
    }
    if (current.status === 'cancelled') refuse('CONFLICT', '订单已取消，不能核销');
    if (current.status === 'unpaid') refuse('CONFLICT', '订单还没有支付，支付后才能核销');
    const at = caller.now.toISOString();
    const changes = {
      verifiedAt: at,
      verifiedBy: caller.openid,
      pickupState: 'done' as const,
      status: 'fulfilled' as const,
      updatedAt: at,
      ...(current.status === 'pending' ? { note: '已核销' } : {}),
    };
    await tx.update('orders', current._id, changes);
    const notice: Notice = {
      communityId: input.communityId,
      openid: current.openid,
      kind: 'order_fulfilled',
      refId: current._id,
      title: `「${current.itemName}」已核销`,
      body: '',
      points: 0,
    };
    await writeNotice(tx, notice, caller.now);
    await recordAudit(
      tx,
      {
        communityId: input.communityId,
        action: 'mall.fulfil',
        target: current._id,
        detail: { member: current.openid, item: current.itemName, note: '核销', pickupCode: input.pickupCode },
      },
      caller,
    );
    return { order: { ...current, ...changes }, notice };
  });
  await sendNotice(deps, notice, order.itemName, ORDERS_PAGE);
  return { order: toOrder(order) };
}

/** Staff home: how many service, coupon and prize orders wait to be redeemed at the counter. */
export async function pickupsWaiting(input: z.output<typeof pickupsWaitingInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, STAFF);
  return { waiting: await store.count('orders', { communityId: input.communityId, pickupState: 'waiting' }) };
}
