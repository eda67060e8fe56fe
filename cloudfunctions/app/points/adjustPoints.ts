import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../context';
import { STAFF, requireMember } from '../access';
import { ids, type MemberDoc } from '../documents';
import { once } from '../idempotency';
import { postingTime, recordPostings, toEntry } from '../ledgerWrites';
import { communityId, openid, requestId, text } from '../schemas';

export const adjustPointsInput = z.object({
  communityId,
  openid,
  delta: z
    .number({ error: 'delta 必须是数字' })
    .int('delta 必须是整数')
    .min(-100_000, '单次调整太多')
    .max(100_000, '单次调整太多')
    .refine((n) => n !== 0, 'delta 不能为 0'),
  reason: text('调整原因', 100),
  requestId,
});

/**
 * Staff correct a member's points with a reason, as a new ledger entry (never an edit).
 * Nobody adjusts their own points: every manual change has a second person behind it.
 */
export async function adjustPoints(input: z.output<typeof adjustPointsInput>, caller: Caller, { store }: Deps) {
  const { community } = await requireMember(store, input.communityId, caller.openid, STAFF);
  if (input.openid === caller.openid) refuse('FORBIDDEN', '不能给自己调整积分');
  const time = postingTime(community, caller.now);
  return store.transaction((tx) =>
    once(tx, { openid: caller.openid, requestId: input.requestId, params: { action: 'points.adjust', ...input }, now: caller.now }, async () => {
      const target =
        (await tx.get<MemberDoc>('members', ids.member(input.communityId, input.openid))) ??
        refuse('NOT_FOUND', '这个人还不是社群成员');
      const { entries } = await recordPostings(
        tx,
        target,
        [
          {
            id: ids.ledger('adjust', input.communityId, input.openid, `${caller.openid}:${input.requestId}`),
            kind: 'adjust',
            delta: input.delta,
            reason: input.reason,
            refId: caller.openid,
          },
        ],
        time,
      );
      return { entry: toEntry(entries[0]) };
    }),
  );
}
