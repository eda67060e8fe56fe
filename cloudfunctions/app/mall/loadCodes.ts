import { createHash } from 'node:crypto';
import * as z from 'zod';
import { refuse } from '../../core/errors';
import type { Caller, Deps } from '../kernel/context';
import { ofCommunity, requireMember } from '../kernel/access';
import { OWNER } from '../../core/roles';
import { ids } from '../kernel/documents';
import type { CodeBookDoc } from './documents';
import { MAX_CODES_PER_ITEM, loadCodesInput } from './inputs';
import { refusals } from '../../core/refusals';

/** Shards of a community's code book: a load touches at most this many documents. */
export const CODE_BOOK_SHARDS = 16;
/** Codes one shard remembers (about 15 bytes each): some 160,000 codes over a community's life. */
export const MAX_PRINTS_PER_SHARD = 10_000;

/** A code's short hash: the book keeps these, never the secret itself. */
const printOf = (code: string) => createHash('sha256').update(code).digest('base64url').slice(0, 12);
const shardOf = (print: string) => print.charCodeAt(0) % CODE_BOOK_SHARDS;

/**
 * The owner loads coupon codes into a reward; each becomes one unit of stock. A code the
 * community has ever had — waiting in any reward or already handed out — is skipped: the
 * community's code book remembers every one (split in shards by hash, read and written in the
 * load's transaction, so two loads racing into two rewards cannot both add one code), and a
 * code is issued once, ever, in the community.
 */
export async function loadCodes(input: z.output<typeof loadCodesInput>, caller: Caller, { store }: Deps) {
  await requireMember(store, input.communityId, caller.openid, OWNER);
  const fresh = [...new Set(input.codes)].map((code) => ({ code, print: printOf(code) }));
  const shards = [...new Set(fresh.map(({ print }) => shardOf(print)))];
  return store.transaction(async (tx) => {
    const item = ofCommunity(await tx.get('items', input.itemId), input.communityId, refusals.noItem);
    if (item.kind !== 'coupon') refuse('INVALID_INPUT', '只有优惠券类奖品可以导入券码');
    const books = new Map(
      await Promise.all(
        shards.map(async (shard) => [shard, (await tx.get('codeBooks', ids.codeBook(input.communityId, shard)))?.prints ?? []] as const),
      ),
    );
    // Codes loaded before the community's book existed are still on the reward.
    const known = new Set([...[...books.values()].flat(), ...item.codes.map(printOf)]);
    const added = fresh.filter(({ print }) => !known.has(print));
    const codes = [...item.codes, ...added.map(({ code }) => code)];
    if (codes.length > MAX_CODES_PER_ITEM) refuse('INVALID_INPUT', `每个奖品最多 ${MAX_CODES_PER_ITEM} 个券码`);
    // Each shard a load adds to, copied once and grown in place.
    const grown = new Map<number, string[]>();
    for (const { print } of added) {
      const shard = shardOf(print);
      if (!grown.has(shard)) grown.set(shard, [...books.get(shard)!]);
      grown.get(shard)!.push(print);
    }
    if ([...grown.values()].some((prints) => prints.length > MAX_PRINTS_PER_SHARD))
      refuse('LIMIT_REACHED', '本群累计导入的券码已达上限，请联系我们');
    for (const [shard, prints] of grown) {
      const book: CodeBookDoc = { communityId: input.communityId, prints };
      await tx.set('codeBooks', ids.codeBook(input.communityId, shard), book);
    }
    await tx.update('items', input.itemId, { codes, stock: codes.length, updatedAt: caller.now.toISOString() });
    return { added: added.length, skipped: input.codes.length - added.length, stock: codes.length };
  });
}
