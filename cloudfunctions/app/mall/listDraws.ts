import type * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { actsAsStaff } from '../../core/roles';
import { toDraw } from './views';
import { listDrawsInput } from './inputs';

/** The community's draws with their prize tables (inactive ones for staff only). */
export async function listDraws({ communityId }: z.output<typeof listDrawsInput>, caller: Caller, { store }: Deps) {
  const { member } = await requireMember(store, communityId, caller.openid);
  const rows = await store.find('draws', { where: { communityId }, orderBy: [['sortKey', 'desc']], limit: 50 });
  return { draws: rows.filter((d) => d.active || actsAsStaff(member)).map(toDraw), balance: member.balance };
}
