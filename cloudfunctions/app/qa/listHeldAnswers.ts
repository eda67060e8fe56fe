import * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { STAFF } from '../../core/roles';
import { toAnswer } from './views';
import { listHeldAnswersInput } from './inputs';

/** Answers content security held for a person, oldest first: the Q&A half of the review queue. */
export async function listHeldAnswers(input: z.output<typeof listHeldAnswersInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, STAFF);
  const rows = await store.find('answers', {
    where: { communityId: input.communityId, status: 'held' },
    orderBy: [['sortKey', 'asc']],
    limit: input.limit,
  });
  return { answers: rows.map(toAnswer) };
}
