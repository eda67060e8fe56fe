import { action, type Actions } from '../dispatch';
import { acceptAnswer, acceptAnswerInput } from './acceptAnswer';
import { answerQuestion, answerQuestionInput } from './answerQuestion';
import { askQuestion, askQuestionInput } from './askQuestion';
import { getQuestion, getQuestionInput } from './getQuestion';
import { listHeldAnswers, listHeldAnswersInput } from './listHeldAnswers';
import { listQuestions, listQuestionsInput } from './listQuestions';
import { moderateQa, moderateQaInput } from './moderateQa';

/** The `qa` cloud function's actions (API.md), plus moderation of held content. */
export const qaActions = {
  ask: action(askQuestionInput, askQuestion),
  answer: action(answerQuestionInput, answerQuestion),
  accept: action(acceptAnswerInput, acceptAnswer),
  list: action(listQuestionsInput, listQuestions),
  get: action(getQuestionInput, getQuestion),
  heldAnswers: action(listHeldAnswersInput, listHeldAnswers),
  moderate: action(moderateQaInput, moderateQa),
} satisfies Actions;
