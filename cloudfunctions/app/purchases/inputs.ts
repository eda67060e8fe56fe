import * as z from 'zod';
import { communityId, inCommunity, limited, requestId, text } from '../kernel/schemas';
import { PURCHASE_LIMITS } from '../../core/limits';

/** The purchase actions' inputs (of the `points` function). */

/** What a scan reads (or staff paste): checked for its shape by the use case, which says why it cannot be used. */
const code = z.string({ error: '请扫会员码' }).trim().min(1, '请扫会员码').max(200, '这不是会员码');

/** Money in fen (分), as WeChat Pay counts it. */
const amountFen = limited(PURCHASE_LIMITS.amountFen, '金额');

export const memberCodeInput = inCommunity;
export const scanMemberInput = z.object({ communityId, code, amountFen: amountFen.optional() });
export const purchaseInput = z.object({
  communityId,
  code,
  amountFen,
  note: z.string({ error: '备注必须是文字' }).trim().max(50, '备注最多 50 个字').optional(),
  requestId,
});
export const refundPurchaseInput = z.object({
  communityId,
  entryId: z.string({ error: 'entryId 必须是字符串' }).regex(/^[A-Za-z0-9_:-]{1,300}$/, 'entryId 格式不对'),
  reason: text('退货原因', 100),
  requestId,
});
