import * as z from 'zod';
import { refuse } from '../../core/errors';
import { prizeTableProblems, ROLL_SPACE } from '../../core/lottery';
import type { Caller, Deps } from '../context';
import { OWNER, requireMember } from '../access';
import type { DrawDoc } from '../documents';
import { communityId, points, text } from '../schemas';

export const upsertDrawInput = z.object({
  communityId,
  draw: z.object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id 格式不对').optional(),
    name: text('抽奖名称', 30),
    costPoints: points.min(1, '每次至少 1 积分'),
    active: z.boolean().default(true),
    prizes: z
      .array(
        z.object({
          id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '奖项 id 格式不对').optional(),
          name: text('奖项名称', 30),
          weight: z.number().int('概率须为整数万分比').min(0).max(ROLL_SPACE, '概率不能超过 100%'),
          stock: z.number().int('库存必须是整数').min(0, '库存不能为负').max(100_000),
          kind: z.enum(['physical', 'coupon', 'service']).default('physical'),
        }),
      )
      .min(1, '至少一个奖项')
      .max(10, '最多 10 个奖项'),
  }),
});

/** The owner sets up a draw: a cost per try and a prize table; what it leaves is "no prize". */
export async function upsertDraw(input: z.output<typeof upsertDrawInput>, caller: Caller, { store, newId }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const id = input.draw.id ?? newId();
  const prizes = input.draw.prizes.map((prize, i) => ({ ...prize, id: prize.id ?? `p${i + 1}` }));
  const problems = prizeTableProblems(prizes);
  if (problems.length) refuse('INVALID_INPUT', problems.join('；'));
  const draw = await store.transaction(async (tx) => {
    const existing = await tx.get<DrawDoc>('draws', id);
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
    return { ...doc, _id: id };
  });
  return { draw: toDraw(draw) };
}

export const toDraw = (draw: DrawDoc & { _id: string }) => ({
  id: draw._id,
  name: draw.name,
  costPoints: draw.costPoints,
  active: draw.active,
  prizes: draw.prizes,
  noPrizeWeight: ROLL_SPACE - draw.prizes.reduce((sum, p) => sum + p.weight, 0),
});

export type DrawView = ReturnType<typeof toDraw>;
