import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import { STAFF } from '../../core/roles';
import type { AnswerDoc, QuestionDoc } from './documents';
import { toAnswer, toQuestion } from './views';
import { moderateQaInput } from './inputs';

/** Staff release held Q&A content to everyone, or remove it. An accepted answer stays: its credit is history. */
export async function moderateQa(input: z.output<typeof moderateQaInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, STAFF);
  const collection = input.kind === 'question' ? 'questions' : 'answers';
  const status = input.decision === 'release' ? ('visible' as const) : ('removed' as const);
  const updated = await store.transaction(async (tx) => {
    const found = await tx.get(collection, input.id);
    if (!found || found.communityId !== input.communityId || found.status === 'removed') return refuse('NOT_FOUND', '内容不存在');
    if ('accepted' in found && found.accepted) refuse('CONFLICT', '已采纳的回答不能删除');
    if (found.status === status) refuse('ALREADY_DONE', '已经处理过了');
    await tx.update(collection, input.id, { status });
    await recordAudit(
      tx,
      {
        communityId: input.communityId,
        action: 'qa.moderate',
        target: input.id,
        detail: { kind: input.kind, decision: input.decision, author: found.openid },
      },
      caller,
    );
    return { ...found, status };
  });
  return input.kind === 'question'
    ? { question: toQuestion(updated as QuestionDoc & { _id: string }) }
    : { answer: toAnswer(updated as AnswerDoc & { _id: string }) };
}
