import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../context';
import { OWNER, requireMember } from '../access';
import type { ItemDoc } from '../documents';
import { communityId, points, text } from '../schemas';
import { toItem } from './views';

const instant = z.iso.datetime({ offset: true, error: '时间须为 ISO-8601，如 2026-12-01T20:00:00+08:00' }).nullish();

export const upsertItemInput = z.object({
  communityId,
  item: z
    .object({
      id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id 格式不对').optional(),
      name: text('奖品名称', 40),
      description: z.string().trim().max(500, '描述最多 500 字').default(''),
      images: z.array(z.string().trim().min(1).max(500)).max(9, '最多 9 张图').default([]),
      kind: z.enum(['physical', 'coupon', 'service'], { error: 'kind 只能是 physical、coupon 或 service' }).default('physical'),
      pointsPrice: points.min(1, '兑换积分至少 1 分'),
      stock: z.number({ error: '库存必须是数字' }).int('库存必须是整数').min(0, '库存不能为负').max(1_000_000, '库存太大'),
      perMemberLimit: z.number().int('限兑必须是整数').min(1, '限兑至少 1 件').max(1000).nullish(),
      startsAt: instant,
      endsAt: instant,
      minTier: z.string().trim().min(1).max(10).nullish(),
      active: z.boolean().default(true),
    })
    .refine((item) => !item.startsAt || !item.endsAt || Date.parse(item.startsAt) < Date.parse(item.endsAt), '结束时间须晚于开始时间'),
});

/**
 * The owner stocks the mall: creates a reward or edits one. A coupon reward's stock is the
 * number of codes loaded (see loadCodes), so its stock here can only shrink it.
 */
export async function upsertItem(input: z.output<typeof upsertItemInput>, caller: Caller, { store, newId }: Deps) {
  const { community, member } = await requireMember(store, input.communityId, caller.openid, OWNER);
  const { item } = input;
  if (item.minTier && !community.rules.tiers.some((t) => t.name === item.minTier)) {
    refuse('INVALID_INPUT', `没有「${item.minTier}」这个等级：${community.rules.tiers.map((t) => t.name).join('、')}`);
  }
  const id = item.id ?? newId();
  const saved = await store.transaction(async (tx) => {
    const existing = await tx.get<ItemDoc>('items', id);
    if (item.id && (!existing || existing.communityId !== input.communityId)) refuse('NOT_FOUND', '奖品不存在');
    if (existing && existing.kind !== item.kind) refuse('INVALID_INPUT', '奖品类型创建后不能更改');
    const codes = existing?.codes ?? [];
    const now = caller.now.toISOString();
    const doc: ItemDoc = {
      communityId: input.communityId,
      name: item.name,
      description: item.description,
      images: item.images,
      kind: item.kind,
      pointsPrice: item.pointsPrice,
      stock: item.kind === 'coupon' ? Math.min(item.stock, codes.length) : item.stock,
      perMemberLimit: item.perMemberLimit ?? null,
      startsAt: item.startsAt ?? null,
      endsAt: item.endsAt ?? null,
      minTier: item.minTier ?? null,
      active: item.active,
      codes: item.kind === 'coupon' ? codes.slice(0, Math.min(item.stock, codes.length)) : [],
      sortKey: `${String(item.pointsPrice).padStart(9, '0')}|${id}`,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await tx.set('items', id, doc);
    return { ...doc, _id: id };
  });
  return { item: toItem(saved, caller.now, { member, rules: community.rules, staff: true }) };
}
