import * as z from 'zod';
import { STAFF } from '../../core/roles';
import { refusals } from '../../core/refusals';
import { ofCommunity, requireMember } from '../kernel/access';
import { toBatch } from '../batches/runBatch';
import type { Caller, Deps } from '../kernel/context';
import { batchInput } from './inputs';

/** Staff see where a bulk award or broadcast stands: credited, skipped and why, done or running. */
export async function getBatch(input: z.output<typeof batchInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, STAFF);
  const batch = ofCommunity(await store.get('batches', input.batchId), input.communityId, refusals.noBatch);
  return { batch: toBatch(batch) };
}
