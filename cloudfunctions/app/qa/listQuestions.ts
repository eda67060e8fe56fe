import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { actsAsStaff } from '../../core/roles';

import { toQuestion } from './views';
import { listQuestionsInput } from './inputs';
import { pageOf } from '../kernel/paging';
import { withWorn } from '../kernel/wornBy';

/** Questions, newest first: the community's, my own (held ones too), or (staff) those held for review. */
export async function listQuestions(input: z.output<typeof listQuestionsInput>, caller: Caller, { store }: Deps) {
  const { member } = await requireMember(store, input.communityId, caller.openid);
  const staff = actsAsStaff(member);
  if (input.status === 'held' && !staff) refuse('FORBIDDEN', '只有群主和管理员可以查看待审核的问题');
  const where =
    input.status === 'mine'
      ? { communityId: input.communityId, openid: caller.openid }
      : { communityId: input.communityId, status: input.status };
  const { rows, nextCursor } = await pageOf(store, 'questions', where, { ...input, order: 'desc' });
  const questions = rows.map((q) => (staff || q.openid === caller.openid ? toQuestion(q) : { ...toQuestion(q), flag: null }));
  return { questions: await withWorn(store, input.communityId, questions, caller.now), nextCursor };
}
