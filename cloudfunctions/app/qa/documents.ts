/** Stored documents of the area (the collections are listed in kernel/documents.ts). Questions and answers. */
import type { ContentFlag, NoPoints, QaStatus } from '../../contract/views';

export interface QuestionDoc {
  communityId: string;
  openid: string;
  nickname: string;
  title: string;
  body: string;
  status: QaStatus;
  flag: ContentFlag | null;
  answers: number;
  acceptedAnswerId: string | null;
  createdAt: string;
  sortKey: string;
}

export interface AnswerDoc {
  communityId: string;
  questionId: string;
  openid: string;
  nickname: string;
  body: string;
  status: QaStatus;
  flag: ContentFlag | null;
  noPoints: NoPoints | null;
  accepted: boolean;
  awarded: number;
  acceptedBy: string | null;
  createdAt: string;
  sortKey: string;
}
