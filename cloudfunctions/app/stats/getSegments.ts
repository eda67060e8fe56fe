import * as z from 'zod';
import { SEGMENTS } from '../../core/activity';
import { STAFF } from '../../core/roles';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { segmentsInput } from './inputs';
import type { SegmentsView } from '../../contract/views';

/** How many members are in each segment, as of the last rollup. */
export async function getSegments(input: z.output<typeof segmentsInput>, caller: Caller, { store }: Deps): Promise<SegmentsView> {
  await requireMember(store, input.communityId, caller.openid, STAFF);
  const stats = await store.get('stats', input.communityId);
  const counted = new Map((stats?.segments ?? []).map((s) => [s.key, s.members]));
  return {
    asOf: stats?.asOf ?? null,
    members: stats?.members ?? 0,
    segments: SEGMENTS.map(({ key, name }) => ({ key, name, members: counted.get(key) ?? 0 })),
  };
}
