import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { ofCommunity, requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import { STAFF } from '../../core/roles';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';
import { needsShipping, ORDERS_PAGE, toOrder } from './views';
import { fulfilOrderInput } from './inputs';
import { refusals } from '../../core/refusals';

/** Staff mark an order shipped (with its courier and tracking number) or served, with a note for the member; the member gets a notice. */
export async function fulfilOrder(input: z.output<typeof fulfilOrderInput>, caller: Caller, deps: Deps) {
  const { store } = deps;
  await requireMember(store, input.communityId, caller.openid, STAFF);
  const { order, notice } = await store.transaction(async (tx) => {
    const found = ofCommunity(await tx.get('orders', input.orderId), input.communityId, refusals.noOrder);
    if (found.status === 'fulfilled') refuse('ALREADY_DONE', '这个订单已经完成了');
    if (found.status === 'cancelled') refuse('CONFLICT', '订单已取消，不能发货');
    if (found.status === 'unpaid') refuse('CONFLICT', '订单还没有支付，支付后才能发货');
    if (needsShipping(found)) refuse('CONFLICT', '成员还没有填写收货地址，填好后才能发货');
    const delivery = input.courier && input.trackingNo ? { courier: input.courier, trackingNo: input.trackingNo } : null;
    const changes = { status: 'fulfilled' as const, note: input.note ?? null, delivery, updatedAt: caller.now.toISOString() };
    await tx.update('orders', input.orderId, changes);
    const shipped = found.kind === 'physical';
    const notice: Notice = {
      communityId: input.communityId,
      openid: found.openid,
      kind: 'order_fulfilled',
      refId: input.orderId,
      title: `「${found.itemName}」${shipped ? '已发货' : '已完成'}`,
      body: [delivery && `${delivery.courier} ${delivery.trackingNo}`, changes.note].filter(Boolean).join(' · '),
      points: 0,
    };
    await writeNotice(tx, notice, caller.now);
    await recordAudit(
      tx,
      {
        communityId: input.communityId,
        action: 'mall.fulfil',
        target: input.orderId,
        detail: { member: found.openid, item: found.itemName, note: changes.note, ...(delivery ? { delivery } : {}) },
      },
      caller,
    );
    return { order: { ...found, ...changes }, notice };
  });
  await sendNotice(deps, notice, order.itemName, ORDERS_PAGE);
  return { order: toOrder(order) };
}
