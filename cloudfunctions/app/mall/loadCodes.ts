import { createHash } from 'node:crypto';
import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../context';
import { ofCommunity, requireMember } from '../access';
import { OWNER } from '../../core/roles';
import type { CodeBookDoc } from '../documents';
import { MAX_CODES_PER_ITEM, loadCodesInput } from './inputs';
import { refusals } from '../../core/refusals';

/** Codes loaded over a reward's life; its code book stays a bounded document (about 16 bytes a code). */
export const MAX_CODES_EVER_PER_ITEM = 20_000;

const printOf = (code: string) => createHash('sha256').update(code).digest('base64url').slice(0, 12);

/**
 * The owner loads coupon codes; each becomes one unit of stock. A code this reward has ever
 * had — waiting or already handed out — is skipped: its code book remembers every one, so a
 * code is issued once, ever.
 */
export async function loadCodes(input: z.output<typeof loadCodesInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  return store.transaction(async (tx) => {
    const item = ofCommunity(await tx.get('items', input.itemId), input.communityId, refusals.noItem);
    if (item.kind !== 'coupon') refuse('INVALID_INPUT', '只有优惠券类奖品可以导入券码');
    const book = await tx.get('codeBooks', input.itemId);
    // Codes loaded before the code book existed are still on the reward.
    const known = new Set([...(book?.prints ?? []), ...item.codes.map(printOf)]);
    const added = [...new Set(input.codes)].filter((code) => !known.has(printOf(code)));
    const codes = [...item.codes, ...added];
    if (codes.length > MAX_CODES_PER_ITEM) refuse('INVALID_INPUT', `每个奖品最多 ${MAX_CODES_PER_ITEM} 个券码`);
    const prints = [...known, ...added.map(printOf)];
    if (prints.length > MAX_CODES_EVER_PER_ITEM) refuse('INVALID_INPUT', `每个奖品累计最多导入 ${MAX_CODES_EVER_PER_ITEM} 个券码，请新建一个奖品`);
    const next: CodeBookDoc = { communityId: input.communityId, prints };
    await tx.set('codeBooks', input.itemId, next);
    await tx.update('items', input.itemId, { codes, stock: codes.length, updatedAt: caller.now.toISOString() });
    return { added: added.length, skipped: input.codes.length - added.length, stock: codes.length };
  });
}
