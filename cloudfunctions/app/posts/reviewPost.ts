import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { ofCommunity, requireMember } from '../kernel/access';
import { recordAudit } from '../kernel/audit';
import { STAFF } from '../../core/roles';
import { cappedField, creditToday } from '../kernel/dailyCaps';
import { ids } from '../kernel/documents';
import { postingTime, recordPostings } from '../kernel/ledgerWrites';
import { engagementContext, engagementOf } from '../kernel/engagement';
import { actionPoints } from '../../core/engagement';
import { sendNotice, writeNotice, type Notice } from '../notices/notify';
import { toPost } from './views';
import { reviewPostInput } from './inputs';
import { refusals } from '../../core/refusals';
import { postAfter } from '../../core/posts';

/**
 * A moderator approves a pending post with points inside the community's range, or rejects it
 * with a reason; a rejected post may get a second look and be approved. The post document
 * decides every race: however often or concurrently it is approved, it is credited once. The
 * author's daily cap counts credited approvals on the day of the approval; a post that was a
 * copy or too short is approved for nothing. The author gets a notice either way.
 */
export async function reviewPost(input: z.output<typeof reviewPostInput>, caller: Caller, deps: Deps) {
  const { community } = await requireMember(deps.store, input.communityId, caller.openid, STAFF);
  const rule = community.rules.post;
  const points = input.points ?? rule.minPoints;
  if (input.decision === 'approve' && (points < rule.minPoints || points > rule.maxPoints)) {
    refuse('INVALID_INPUT', `积分须在 ${rule.minPoints}–${rule.maxPoints} 之间`);
  }
  const time = postingTime(community, caller.now);
  const at = caller.now.toISOString();
  const ctx = engagementContext(community, caller.now, time.day);

  const outcome = await deps.store.transaction(async (tx) => {
    const post = ofCommunity(await tx.get('posts', input.postId), input.communityId, refusals.noPost);
    if (post.openid === caller.openid) refuse('FORBIDDEN', '不能审核自己的帖子');
    const status = postAfter(post.status, input.decision);

    const reviewed = { reviewedBy: caller.openid, reviewedAt: at, updatedAt: at, sortKey: `${at}|${input.postId}` };
    const audit = (detail: Record<string, unknown>) =>
      recordAudit(
        tx,
        {
          communityId: input.communityId,
          action: 'posts.review',
          target: input.postId,
          detail: { decision: input.decision, author: post.openid, ...detail },
        },
        caller,
      );
    if (input.decision === 'reject') {
      const changes = { ...reviewed, status, reason: input.reason ?? null };
      await tx.update('posts', input.postId, changes);
      const notice: Notice = {
        communityId: input.communityId,
        openid: post.openid,
        kind: 'post_rejected',
        refId: input.postId,
        title: '你的帖子未通过审核',
        body: input.reason ?? '',
        points: 0,
      };
      await writeNotice(tx, notice, caller.now);
      await audit({ reason: input.reason ?? null });
      return { post: { ...post, ...changes }, awarded: 0, capped: false, notice };
    }

    const author = (await tx.get('members', ids.member(input.communityId, post.openid))) ?? refuse('NOT_FOUND', '作者已不在社群');
    // A banned author's post may still be approved and shown; it earns nothing.
    const earns = !post.noPoints && !author.banned && points > 0;
    const credited =
      earns && (await creditToday(tx, { communityId: input.communityId, openid: post.openid, day: time.day }, 'post', rule.dailyCap));
    const earned = credited ? actionPoints(author, 'post', points, ctx) : null;
    const awarded = earned?.points ?? 0;
    const engaged = author.banned ? null : engagementOf(author, { gains: { posts: 1 }, earned: awarded }, ctx, input.postId);
    await recordPostings(
      tx,
      author,
      [
        ...(earned
          ? [
              {
                id: ids.ledger('post', input.communityId, post.openid, input.postId),
                kind: 'earn' as const,
                delta: awarded,
                reason: '经验帖通过审核',
                refId: input.postId,
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
    const changes = { ...reviewed, status, reason: null, points: awarded, credited, creditedDay: credited ? time.day : null };
    await tx.update('posts', input.postId, changes);
    const notice: Notice = {
      communityId: input.communityId,
      openid: post.openid,
      kind: 'post_approved',
      refId: input.postId,
      title: awarded ? `你的帖子通过审核，获得 ${awarded} 积分` : '你的帖子通过审核',
      body:
        post.noPoints?.message ??
        (author.banned ? '你已被暂停获得积分' : earns && !credited ? `今天的帖子积分已达上限（每天 ${rule.dailyCap} 篇）` : '感谢分享'),
      points: awarded,
    };
    await writeNotice(tx, notice, caller.now);
    await audit({ points: awarded });
    return { post: { ...post, ...changes }, awarded, capped: earns && !credited, notice };
  });

  await sendNotice(deps, outcome.notice, outcome.post.body, '/pages/feed/index?tab=mine');
  return {
    post: toPost({ ...outcome.post, _id: input.postId }),
    awarded: outcome.awarded,
    ...cappedField(outcome.capped),
    ...(outcome.post.noPoints ? { noPoints: outcome.post.noPoints } : {}),
  };
}
