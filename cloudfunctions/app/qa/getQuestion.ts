import * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { actsAsStaff } from '../../core/roles';
import { acceptRefusal } from '../../core/qa';
import { acceptCase, toAnswer, toQuestion, visibleTo } from './views';
import { getQuestionInput } from './inputs';
import { refusals } from '../../core/refusals';
import { dressAuthor, wornBy } from '../kernel/wornBy';

const MAX_ANSWERS = 200;

/** A question and its answers: the accepted one first, then oldest first. */
export async function getQuestion(input: z.output<typeof getQuestionInput>, caller: Caller, { store }: Deps) {
  const { member } = await requireMember(store, input.communityId, caller.openid);
  const staff = actsAsStaff(member);
  const question = await store.get('questions', input.questionId);
  const [shown] = question && question.communityId === input.communityId ? visibleTo([toQuestion(question)], caller.openid, staff) : [];
  if (!shown) return refusals.noQuestion();
  const rows = await store.find('answers', { where: { questionId: input.questionId }, orderBy: [['sortKey', 'asc']], limit: MAX_ANSWERS });
  const answers = visibleTo(
    rows.map((answer) => ({ ...toAnswer(answer), canAccept: !acceptRefusal(acceptCase(question!, answer, caller.openid, staff)) })),
    caller.openid,
    staff,
  ).sort((a, b) => Number(b.accepted) - Number(a.accepted));
  const dress = dressAuthor(
    await wornBy(
      store,
      input.communityId,
      [shown, ...answers].map((v) => v.author.openid),
      caller.now,
    ),
  );
  return { question: dress(shown), answers: answers.map(dress) };
}
