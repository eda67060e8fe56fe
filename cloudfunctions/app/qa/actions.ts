import type { Api } from '../../contract/api';
import { action, type ActionsOf } from '../kernel/dispatch';
import { acceptAnswer } from './acceptAnswer';
import { answerQuestion } from './answerQuestion';
import { askQuestion } from './askQuestion';
import { getQuestion } from './getQuestion';
import { listHeldAnswers } from './listHeldAnswers';
import { listQuestions } from './listQuestions';
import { moderateQa } from './moderateQa';
import {
  acceptAnswerInput,
  answerQuestionInput,
  askQuestionInput,
  getQuestionInput,
  listHeldAnswersInput,
  listQuestionsInput,
  moderateQaInput,
} from './inputs';

/** The `qa` cloud function's actions (API.md), plus moderation of held content. */
export const qaActions = {
  ask: action(askQuestionInput, askQuestion),
  answer: action(answerQuestionInput, answerQuestion),
  accept: action(acceptAnswerInput, acceptAnswer),
  list: action(listQuestionsInput, listQuestions),
  get: action(getQuestionInput, getQuestion),
  heldAnswers: action(listHeldAnswersInput, listHeldAnswers),
  moderate: action(moderateQaInput, moderateQa),
} satisfies ActionsOf<Api['qa']>;
