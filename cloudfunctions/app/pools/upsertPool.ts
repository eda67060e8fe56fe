import type * as z from 'zod';
import { refuse } from '../../core/errors';
import { poolStatus } from '../../core/pools';
import { refusals } from '../../core/refusals';
import { OWNER } from '../../core/roles';
import type { Caller, Deps } from '../kernel/context';
import { ofCommunity, requireMember } from '../kernel/access';
import { fieldChanges, recordAudit } from '../kernel/audit';
import type { PoolDoc } from './documents';
import { upsertPoolInput } from './inputs';
import { toPool } from './views';

const AUDITED_POOL_FIELDS = ['name', 'description', 'goalPoints', 'endsAt'] as const;

/**
 * The owner opens a donation pool (积分捐赠) for a cause, or edits one still open: the points
 * given leave circulation. Its goal never drops below what it has raised; reaching it closes it.
 */
export async function upsertPool(input: z.output<typeof upsertPoolInput>, caller: Caller, { store, newId }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const { pool } = input;
  if (Date.parse(pool.endsAt) <= caller.now.getTime()) refuse('INVALID_INPUT', '结束时间须晚于现在');
  const id = pool.id ?? newId();
  const saved = await store.transaction(async (tx) => {
    const existing = pool.id ? ofCommunity(await tx.get('pools', id), input.communityId, refusals.noPool) : null;
    if (existing && existing.kind !== 'donation') refuse('FORBIDDEN', '众筹由成员发起，不能在这里修改');
    if (existing && poolStatus(existing, caller.now) !== 'open') refuse('FORBIDDEN', '这个捐赠已经结束，不能再修改');
    const raised = existing?.raised ?? 0;
    if (pool.goalPoints < raised) refuse('INVALID_INPUT', `目标不能低于已筹到的 ${raised} 积分`);
    const at = caller.now.toISOString();
    const doc: PoolDoc = {
      communityId: input.communityId,
      kind: 'donation',
      name: pool.name,
      description: pool.description,
      goalPoints: pool.goalPoints,
      raised,
      backers: existing?.backers ?? 0,
      status: pool.goalPoints === raised && raised > 0 ? 'funded' : 'open',
      endsAt: new Date(pool.endsAt).toISOString(),
      itemId: null,
      starter: null,
      starterNickname: null,
      orderId: null,
      refunded: false,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      sortKey: existing?.sortKey ?? `${at}|${id}`,
    };
    await tx.set('pools', id, doc);
    await recordAudit(
      tx,
      { communityId: input.communityId, action: 'pools.upsert', target: id, detail: fieldChanges(existing, doc, AUDITED_POOL_FIELDS) },
      caller,
    );
    return { ...doc, _id: id };
  });
  return { pool: toPool(saved, caller.now, 0) };
}
