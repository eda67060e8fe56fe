import * as z from 'zod';
import { communityId, inCommunity } from '../kernel/schemas';

/** The `stats` function's action inputs: what each action accepts, checked before it runs. */

export const overviewInput = z.object({
  communityId,
  days: z.union([z.literal(7), z.literal(30), z.literal(90)], { error: 'days 只能是 7、30 或 90' }),
});

export const segmentsInput = inCommunity;

export const exportInput = z.object({
  communityId,
  kind: z.enum(['members', 'ledger', 'orders', 'balances'], { error: 'kind 只能是 members、ledger、orders 或 balances' }),
});

export const mallBalanceInput = z.object({ communityId });
