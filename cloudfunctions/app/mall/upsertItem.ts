import { dayOf } from '../../core/days';
import { tierOf } from '../../core/tiers';
import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { requireMember } from '../kernel/access';
import { fieldChanges, recordAudit } from '../kernel/audit';
import { OWNER } from '../../core/roles';
import type { ItemDoc } from './documents';
import { toItem } from './views';
import { upsertItemInput } from './inputs';
import { refusals } from '../../core/refusals';

/** What the audit log keeps of a reward's edit (not its codes: those are secrets). */
const AUDITED_ITEM_FIELDS = [
  'name',
  'description',
  'kind',
  'pointsPrice',
  'cashPrice',
  'stock',
  'perMemberLimit',
  'startsAt',
  'endsAt',
  'minTier',
  'active',
  'wear',
  'category',
] as const;

/**
 * The owner stocks the mall: creates a reward or edits one. A coupon reward's stock is the
 * number of codes loaded (see loadCodes), so its stock here can only shrink it.
 */
export async function upsertItem(input: z.output<typeof upsertItemInput>, caller: Caller, { store, newId, platform }: Deps) {
  const { community, member } = await requireMember(store, input.communityId, caller.openid, OWNER);
  const { item } = input;
  if (item.minTier && !community.rules.tiers.some((t) => t.name === item.minTier)) {
    refuse('INVALID_INPUT', `没有「${item.minTier}」这个等级：${community.rules.tiers.map((t) => t.name).join('、')}`);
  }
  if (item.cashPrice && !platform.payment.ready) refuse('FORBIDDEN', '还没有绑定微信支付商户号，不能设置现金价');
  const id = item.id ?? newId();
  const saved = await store.transaction(async (tx) => {
    const existing = await tx.get('items', id);
    if (item.id && (!existing || existing.communityId !== input.communityId)) refusals.noItem();
    if (existing && existing.kind !== item.kind) refuse('INVALID_INPUT', '奖品类型创建后不能更改');
    const codes = existing?.codes ?? [];
    const now = caller.now.toISOString();
    const doc: ItemDoc = {
      communityId: input.communityId,
      name: item.name,
      description: item.description,
      images: item.images,
      kind: item.kind,
      wear: item.wear ?? null,
      category: item.category ?? null,
      pointsPrice: item.pointsPrice,
      cashPrice: item.cashPrice ?? null,
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
    const change = fieldChanges(existing, doc, AUDITED_ITEM_FIELDS);
    if (Object.keys(change.after).length)
      await recordAudit(tx, { communityId: input.communityId, action: 'mall.upsertItem', target: id, detail: change }, caller);
    return { ...doc, _id: id };
  });
  return {
    item: toItem(saved, caller.now, {
      member,
      tierIndex: tierOf(member, community.rules, dayOf(caller.now, community.timezone)).index,
      rules: community.rules,
      staff: true,
    }),
  };
}
