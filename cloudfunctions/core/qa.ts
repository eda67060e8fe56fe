import type { ErrorCode } from './errors';

/** Everything the acceptance rule looks at. */
export interface AcceptCase {
  caller: string;
  callerIsStaff: boolean;
  asker: string;
  answerer: string;
  answerId: string;
  answerHeld: boolean;
  acceptedAnswerId: string | null;
}

/**
 * Why this caller may not accept this answer, or null if they may. The asker, a moderator or the
 * owner accepts; never one's own answer, never the asker's own answer; one per question.
 */
export function acceptRefusal(c: AcceptCase): { code: ErrorCode; message: string } | null {
  if (c.asker !== c.caller && !c.callerIsStaff) return { code: 'FORBIDDEN', message: '只有提问者、管理员或群主可以采纳' };
  if (c.answerer === c.caller) return { code: 'FORBIDDEN', message: '不能采纳自己的回答' };
  if (c.answerer === c.asker) return { code: 'FORBIDDEN', message: '提问者自己的回答不能被采纳' };
  if (c.answerHeld) return { code: 'CONFLICT', message: '这条回答还在审核中' };
  if (c.acceptedAnswerId) {
    return { code: 'ALREADY_DONE', message: c.acceptedAnswerId === c.answerId ? '这条回答已经被采纳了' : '这个问题已经采纳了其他回答' };
  }
  return null;
}
