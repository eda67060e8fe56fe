import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { actsAsStaff } from '../../core/roles';

import { toOrder } from './views';
import { listOrdersInput } from './inputs';
import { pageOf } from '../kernel/paging';

/** My orders, or (staff) the community's, newest first; staff can filter to what is left to ship. */
export async function listOrders(input: z.output<typeof listOrdersInput>, caller: Caller, { store }: Deps) {
  const { member } = await requireMember(store, input.communityId, caller.openid);
  if (input.scope === 'all' && !actsAsStaff(member)) refuse('FORBIDDEN', '只有群主和管理员可以查看全部订单');
  const where = {
    communityId: input.communityId,
    ...(input.scope === 'mine' ? { openid: caller.openid } : {}),
    ...(input.status ? { status: input.status } : {}),
  };
  const { rows, nextCursor } = await pageOf(store, 'orders', where, { ...input, order: 'desc' });
  return { orders: rows.map(toOrder), nextCursor };
}
