import * as z from 'zod';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { screenText } from '../kernel/contentScreening';
import type { QuestionDoc } from './documents';
import { toQuestion } from './views';
import { askQuestionInput } from './inputs';

/** A member asks the community. Asking earns nothing; doubtful text is held for a moderator. */
export async function askQuestion(input: z.output<typeof askQuestionInput>, caller: Caller, deps: Deps) {
  const { member } = await requireMember(deps.store, input.communityId, caller.openid);
  const flag = await screenText(deps, { openid: caller.openid, scene: 'forum', text: `${input.title}\n${input.body}` });
  const questionId = deps.newId();
  const at = caller.now.toISOString();
  const question: QuestionDoc = {
    communityId: input.communityId,
    openid: caller.openid,
    nickname: member.nickname,
    title: input.title,
    body: input.body,
    status: flag ? 'held' : 'visible',
    flag,
    answers: 0,
    acceptedAnswerId: null,
    createdAt: at,
    sortKey: `${at}|${questionId}`,
  };
  await deps.store.transaction((tx) => tx.set('questions', questionId, question));
  return { question: toQuestion({ ...question, _id: questionId }) };
}
