import type { AcceptCase } from '../../core/qa';
import type { AnswerDoc, QuestionDoc } from './documents';
import type { QuestionView, AnswerView } from '../../contract/views';

type Found<T> = T & { _id: string };

export const toQuestion = (q: Found<QuestionDoc>): QuestionView => ({
  id: q._id,
  title: q.title,
  body: q.body,
  author: { openid: q.openid, nickname: q.nickname },
  status: q.status,
  flag: q.flag,
  answers: q.answers,
  acceptedAnswerId: q.acceptedAnswerId,
  createdAt: q.createdAt,
});

export const toAnswer = (a: Found<AnswerDoc>): AnswerView => ({
  id: a._id,
  questionId: a.questionId,
  body: a.body,
  author: { openid: a.openid, nickname: a.nickname },
  status: a.status,
  flag: a.flag,
  noPoints: a.noPoints,
  accepted: a.accepted,
  awarded: a.awarded,
  createdAt: a.createdAt,
});

/** What a reader may see of Q&A content: held items only for their author and staff; flags likewise. */
export function visibleTo<T extends { status: string; author: { openid: string }; flag: unknown }>(
  items: T[],
  openid: string,
  staff: boolean,
): T[] {
  return items
    .filter((item) => item.status === 'visible' || ((staff || item.author.openid === openid) && item.status === 'held'))
    .map((item) =>
      staff || item.author.openid === openid ? item : { ...item, flag: null, ...('noPoints' in item ? { noPoints: null } : {}) },
    );
}

export const acceptCase = (question: QuestionDoc, answer: Found<AnswerDoc>, caller: string, callerIsStaff: boolean): AcceptCase => ({
  caller,
  callerIsStaff,
  asker: question.openid,
  answerer: answer.openid,
  answerId: answer._id,
  answerHeld: answer.status === 'held',
  acceptedAnswerId: question.acceptedAnswerId,
});
