import * as z from 'zod';
import { rulesFor } from '../../core/campaigns';
import { clip } from '../../core/content';
import { refuse } from '../../core/errors';
import { acceptRefusal } from '../../core/qa';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { actsAsStaff } from '../../core/roles';
import { cappedField, creditToday } from '../kernel/dailyCaps';
import { ids } from '../kernel/documents';
import { postingTime, recordPostings } from '../kernel/ledgerWrites';
import { engagementContext, engagementOf } from '../kernel/engagement';
import { actionPoints } from '../../core/engagement';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';
import { acceptCase, toAnswer } from './views';
import { acceptAnswerInput } from './inputs';
import { refusals } from '../../core/refusals';

/**
 * The asker (or a moderator, or the owner) accepts one answer per question. The answerer is
 * credited once, within their daily cap; nobody accepts their own answer, and an asker's
 * answer to their own question earns nothing by acceptance. The question document decides
 * races between two acceptances.
 */
export async function acceptAnswer(input: z.output<typeof acceptAnswerInput>, caller: Caller, deps: Deps) {
  const { community, member } = await requireMember(deps.store, input.communityId, caller.openid);
  const time = postingTime(community, caller.now);
  const ctx = engagementContext(community, caller.now, time.day);

  const outcome = await deps.store.transaction(async (tx) => {
    const answer = await tx.get('answers', input.answerId);
    if (!answer || answer.communityId !== input.communityId || answer.status === 'removed') return refuse('NOT_FOUND', '回答不存在');
    const question = (await tx.get('questions', answer.questionId)) ?? refusals.noQuestion();
    const refusal = acceptRefusal(acceptCase(question, { ...answer, _id: input.answerId }, caller.openid, actsAsStaff(member)));
    if (refusal) refuse(refusal.code, refusal.message);

    const answerer = (await tx.get('members', ids.member(input.communityId, answer.openid))) ?? refuse('NOT_FOUND', '回答者已不在社群');
    const rule = rulesFor(community.rules, community.campaigns ?? [], answerer, caller.now).answer;
    // A banned answerer's answer may still be accepted; it earns nothing.
    const earns = !answer.noPoints && !answerer.banned && rule.acceptedPoints > 0;
    const credited =
      earns && (await creditToday(tx, { communityId: input.communityId, openid: answer.openid, day: time.day }, 'answer', rule.dailyCap));
    const earned = credited ? actionPoints(answerer, 'answer', rule.acceptedPoints, ctx) : null;
    const awarded = earned?.points ?? 0;
    const engaged = answerer.banned ? null : engagementOf(answerer, { gains: { answers: 1 }, earned: awarded }, ctx, input.answerId);
    await recordPostings(
      tx,
      answerer,
      [
        ...(earned
          ? [
              {
                id: ids.ledger('answer', input.communityId, answer.openid, input.answerId),
                kind: 'earn' as const,
                delta: awarded,
                reason: `回答被采纳：${clip(question.title, 16)}`,
                refId: input.answerId,
                ...(earned.detail ? { detail: earned.detail } : {}),
              },
            ]
          : []),
        ...(engaged?.postings ?? []),
      ],
      time,
      engaged?.changes,
    );
    await engaged?.notify(tx);
    const changes = { accepted: true, awarded, acceptedBy: caller.openid };
    await tx.update('answers', input.answerId, changes);
    await tx.update('questions', answer.questionId, { acceptedAnswerId: input.answerId });
    const notice: Notice = {
      communityId: input.communityId,
      openid: answer.openid,
      kind: 'answer_accepted',
      refId: input.answerId,
      title: awarded ? `你的回答被采纳，获得 ${awarded} 积分` : '你的回答被采纳',
      body:
        answer.noPoints?.message ??
        (answerer.banned
          ? '你已被暂停获得积分'
          : earns && !credited
            ? `今天的回答积分已达上限（每天 ${rule.dailyCap} 条）`
            : question.title),
      points: awarded,
    };
    await writeNotice(tx, notice, caller.now);
    return { answer: { ...answer, ...changes }, awarded, capped: earns && !credited, notice, title: question.title };
  });

  await sendNotice(deps, outcome.notice, outcome.title, `/packages/qa/pages/question/index?id=${outcome.answer.questionId}`);
  return {
    answer: toAnswer({ ...outcome.answer, _id: input.answerId }),
    awarded: outcome.awarded,
    ...cappedField(outcome.capped),
    ...(outcome.answer.noPoints ? { noPoints: outcome.answer.noPoints } : {}),
  };
}
