import * as z from 'zod';
import { communityId, cursor, docId, limit, text } from '../kernel/schemas';
import { QA_LIMITS } from '../../core/limits';

/** The `qa` function's action inputs: what each action accepts, checked before it runs. */

export const acceptAnswerInput = z.object({ communityId, answerId: docId('answerId') });

export const answerQuestionInput = z.object({ communityId, questionId: docId('questionId'), body: text('回答', QA_LIMITS.answer) });

export const askQuestionInput = z.object({ communityId, title: text('问题', QA_LIMITS.title), body: text('补充说明', QA_LIMITS.body) });

export const getQuestionInput = z.object({ communityId, questionId: docId('questionId') });

export const listHeldAnswersInput = z.object({ communityId, limit });

export const listQuestionsInput = z.object({
  communityId,
  status: z.enum(['visible', 'held', 'mine'], { error: 'status 只能是 visible、held 或 mine' }).default('visible'),
  cursor,
  limit,
});

export const moderateQaInput = z.object({
  communityId,
  kind: z.enum(['question', 'answer'], { error: 'kind 只能是 question 或 answer' }),
  id: docId('id'),
  decision: z.enum(['release', 'remove'], { error: 'decision 只能是 release 或 remove' }),
});
