import type * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { actsAsStaff } from '../../core/roles';
import { dayOf } from '../../core/days';
import { tierOf } from '../../core/tiers';
import { toItem, type ItemView } from './views';
import { listItemsInput } from './inputs';

const MAX_ITEMS = 200;
const STATUS_ORDER = { open: 0, upcoming: 1, soldOut: 2, ended: 3, inactive: 4 } as const;

/**
 * The mall, in the order a member wants it: what I can get now first (affordable, unlocked,
 * open), then flash rewards still to come, then the rest; cheapest first within each.
 * Inactive rewards are for the owner's eyes only.
 */
export async function listItems({ communityId }: z.output<typeof listItemsInput>, caller: Caller, { store }: Deps) {
  const { community, member } = await requireMember(store, communityId, caller.openid);
  const staff = actsAsStaff(member);
  const tierIndex = tierOf(member, community.rules, dayOf(caller.now, community.timezone)).index;
  const rows = await store.find('items', { where: { communityId }, orderBy: [['sortKey', 'asc']], limit: MAX_ITEMS });
  const items = rows
    .map((row) => toItem(row, caller.now, { member, tierIndex, rules: community.rules, staff }))
    .filter((item) => staff || item.status !== 'inactive');
  const rank = (item: ItemView) => (item.status === 'open' && item.affordable && !item.locked ? -1 : STATUS_ORDER[item.status]);
  items.sort((a, b) => rank(a) - rank(b) || a.pointsPrice - b.pointsPrice);
  return { items, balance: member.balance };
}
