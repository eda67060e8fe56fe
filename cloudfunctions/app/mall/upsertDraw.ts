import * as z from 'zod';
import { refuse } from '../../core/errors';
import { prizeTableProblems } from '../../core/lottery';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { fieldChanges, recordAudit } from '../kernel/audit';
import { OWNER } from '../../core/roles';
import type { DrawDoc } from './documents';
import { upsertDrawInput } from './inputs';
import { toDraw } from './views';

/** The owner sets up a draw: a cost per try and a prize table; what it leaves is "no prize". */
export async function upsertDraw(input: z.output<typeof upsertDrawInput>, caller: Caller, { store, newId }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const id = input.draw.id ?? newId();
  const prizes = input.draw.prizes.map((prize, i) => ({ ...prize, id: prize.id ?? `p${i + 1}` }));
  const problems = prizeTableProblems(prizes);
  if (problems.length) refuse('INVALID_INPUT', problems.join('；'));
  // A coupon prize hands out codes from one of this community's coupon rewards, like the mall does.
  for (const prize of prizes) {
    if (prize.kind !== 'coupon') continue;
    const pool = prize.itemId ? await store.get('items', prize.itemId) : null;
    if (!pool || pool.communityId !== input.communityId || pool.kind !== 'coupon')
      refuse('INVALID_INPUT', `奖项「${prize.name}」是优惠券：请选择一个优惠券奖品作为券码来源`);
  }
  const draw = await store.transaction(async (tx) => {
    const existing = await tx.get('draws', id);
    if (input.draw.id && (!existing || existing.communityId !== input.communityId)) refuse('NOT_FOUND', '抽奖不存在');
    const doc: DrawDoc = {
      communityId: input.communityId,
      name: input.draw.name,
      costPoints: input.draw.costPoints,
      prizes,
      active: input.draw.active,
      sortKey: `${existing?.createdAt ?? caller.now.toISOString()}|${id}`,
      createdAt: existing?.createdAt ?? caller.now.toISOString(),
      updatedAt: caller.now.toISOString(),
    };
    await tx.set('draws', id, doc);
    const change = fieldChanges(existing, doc, ['name', 'costPoints', 'prizes', 'active'] as const);
    if (Object.keys(change.after).length)
      await recordAudit(tx, { communityId: input.communityId, action: 'mall.upsertDraw', target: id, detail: change }, caller);
    return { ...doc, _id: id };
  });
  return { draw: toDraw(draw) };
}
