import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Query } from '../../store/port';
import type { Caller, Deps } from '../context';
import { requireMember } from '../access';
import { isStaff } from '../../core/roles';
import type { OrderDoc } from '../documents';
import { decodeCursor, pageOf } from '../schemas';
import { toOrder } from './views';
import { listOrdersInput } from './inputs';

/** My orders, or (staff) the community's, newest first; staff can filter to what is left to ship. */
export async function listOrders(input: z.output<typeof listOrdersInput>, caller: Caller, { store }: Deps) {
  const { member } = await requireMember(store, input.communityId, caller.openid);
  if (input.scope === 'all' && !isStaff(member.role)) refuse('FORBIDDEN', '只有群主和管理员可以查看全部订单');
  const where: Query['where'] = { communityId: input.communityId };
  if (input.scope === 'mine') where.openid = caller.openid;
  if (input.status) where.status = input.status;
  if (input.cursor) where.sortKey = { lt: decodeCursor(input.cursor) };
  const rows = await store.find<OrderDoc>('orders', { where, orderBy: [['sortKey', 'desc']], limit: input.limit + 1 });
  const { page, nextCursor } = pageOf(rows, input.limit);
  return { orders: page.map(toOrder), nextCursor };
}
