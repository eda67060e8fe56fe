import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { loadCommunity } from '../kernel/access';
import { sendNotice, type Notice } from '../notices/notify';
import { takeDown } from './takeDown';
import { mediaVerdictInput } from './inputs';

/**
 * The platform's late verdict on one image of a post (the cloud pushes wxa_media_check).
 * Risky: the post comes down, and any points it earned are reversed. Review: the post is
 * flagged for moderators. The traceId, known only to the server, is what authorises the
 * call; each verdict is applied once.
 */
export async function mediaVerdict(input: z.output<typeof mediaVerdictInput>, caller: Caller, deps: Deps) {
  const check = (await deps.store.get('mediaChecks', input.traceId)) ?? refuse('NOT_FOUND', '没有这个图片检测');
  const community = await loadCommunity(deps.store, check.communityId);
  const flag = { source: 'image' as const, label: input.label ?? (input.suggest === 'risky' ? '违规图片' : '疑似违规图片') };

  const outcome = await deps.store.transaction(async (tx): Promise<{ applied: boolean; notice?: Notice; body?: string }> => {
    const current = await tx.get('mediaChecks', input.traceId);
    if (!current || current.suggest !== null) return { applied: false };
    await tx.update('mediaChecks', input.traceId, { suggest: input.suggest });
    if (input.suggest === 'pass') return { applied: true };
    const post = await tx.get('posts', check.postId);
    if (!post || post.status === 'removed') return { applied: true };
    if (input.suggest === 'review') {
      if (!post.flag) await tx.update('posts', check.postId, { flag });
      return { applied: true };
    }
    const { notice } = await takeDown(
      tx,
      { post, postId: check.postId, community },
      { move: 'takeDown', reason: '图片未通过安全检测', by: null, flag, now: caller.now },
    );
    return { applied: true, notice, body: post.body };
  });

  if (outcome.notice) await sendNotice(deps, outcome.notice, outcome.body ?? '', '/pages/feed/index?tab=mine');
  return { postId: check.postId, applied: outcome.applied };
}
