import type * as z from 'zod';
import { STAFF } from '../../core/roles';
import { refusals } from '../../core/refusals';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { pageOf } from '../kernel/paging';
import { reportInput } from './inputs';

/**
 * Staff: what a campaign paid. Its bonus entries name it (refId), so the report reads only
 * those — one per member it paid — never the whole ledger.
 */
export async function campaignReport(input: z.output<typeof reportInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, STAFF);
  const campaign = await store.get('campaigns', input.campaignId);
  if (!campaign || campaign.communityId !== input.communityId) return refusals.noCampaign();
  let returned = 0;
  let pointsAwarded = 0;
  let cursor: string | null = null;
  do {
    // 999 a page: the cloud answers at most 1,000, and pageOf asks for one more.
    const page: { rows: Array<{ delta: number }>; nextCursor: string | null } = await pageOf(
      store,
      'ledger',
      { communityId: input.communityId, refId: input.campaignId },
      { cursor, limit: 999, order: 'asc', by: 'timeKey', fields: ['delta'] },
    );
    for (const entry of page.rows) {
      returned += 1;
      pointsAwarded += entry.delta;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { returned, pointsAwarded };
}
