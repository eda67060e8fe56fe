import * as z from 'zod';
import { dayOf } from '../../core/days';
import { refusals } from '../../core/refusals';
import { STAFF } from '../../core/roles';
import type { Caller, Deps } from '../kernel/context';
import { READ_WITHOUT_LOTS, requireMember } from '../kernel/access';
import { ids } from '../kernel/documents';
import { toEntry } from '../kernel/ledgerWrites';
import { pageOf } from '../kernel/paging';
import { getMemberInput } from './inputs';
import { toTransfer } from './toTransfer';
import { toMember } from './toMember';

const NEWEST_ENTRIES = 20;
const NEWEST_TRANSFERS = 30;

/**
 * One member as staff see them in the console: their numbers, their 20 newest ledger entries,
 * and their newest transfers both ways with who was on the other side, so a ring of second
 * accounts feeding one member shows at a glance.
 */
export async function getMember(input: z.output<typeof getMemberInput>, caller: Caller, { store }: Deps) {
  const { community } = await requireMember(store, input.communityId, caller.openid, STAFF);
  const [member, { rows }, gifts] = await Promise.all([
    store.get('members', ids.member(input.communityId, input.openid), READ_WITHOUT_LOTS),
    pageOf(store, 'ledger', { communityId: input.communityId, openid: input.openid }, { limit: NEWEST_ENTRIES, order: 'desc' }),
    store.find('ledger', {
      where: { communityId: input.communityId, openid: input.openid, kind: 'transfer' },
      orderBy: [['sortKey', 'desc']],
      limit: NEWEST_TRANSFERS,
    }),
  ]);
  if (!member) return refusals.noSuchMember();
  return {
    member: toMember(member, community, dayOf(caller.now, community.timezone)),
    entries: rows.map(toEntry),
    transfers: gifts.map(toTransfer),
  };
}
