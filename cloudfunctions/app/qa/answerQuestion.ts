import * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { activeMemberIn, requireMember } from '../kernel/access';
import { screenText } from '../kernel/contentScreening';
import { judgeContribution } from '../kernel/contributions';
import { postingTime } from '../kernel/ledgerWrites';
import type { AnswerDoc } from './documents';
import { toAnswer } from './views';
import { answerQuestionInput } from './inputs';
import { refusals } from '../../core/refusals';

/**
 * A member answers a question. Whether the answer could earn when accepted is decided now,
 * against the author's recent posts and answers, and said in the answer.
 */
export async function answerQuestion(input: z.output<typeof answerQuestionInput>, caller: Caller, deps: Deps) {
  const { community } = await requireMember(deps.store, input.communityId, caller.openid);
  const flag = await screenText(deps, { openid: caller.openid, scene: 'comment', text: input.body });
  const answerId = deps.newId();
  const at = caller.now.toISOString();

  const answer = await deps.store.transaction(async (tx) => {
    const member = await activeMemberIn(tx, input.communityId, caller.openid);
    const question = await tx.get('questions', input.questionId);
    if (!question || question.communityId !== input.communityId || question.status !== 'visible') return refusals.noQuestion();
    const noPoints = await judgeContribution(
      tx,
      member,
      { kind: 'answer', id: answerId, text: input.body },
      postingTime(community, caller.now),
    );
    const doc: AnswerDoc = {
      communityId: input.communityId,
      questionId: input.questionId,
      openid: caller.openid,
      nickname: member.nickname,
      body: input.body,
      status: flag ? 'held' : 'visible',
      flag,
      noPoints,
      accepted: false,
      awarded: 0,
      acceptedBy: null,
      createdAt: at,
      sortKey: `${at}|${answerId}`,
    };
    await tx.set('answers', answerId, doc);
    await tx.update('questions', input.questionId, { answers: question.answers + 1 });
    return doc;
  });
  return { answer: toAnswer({ ...answer, _id: answerId }) };
}
