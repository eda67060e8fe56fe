import * as z from 'zod';
import { MAX_SHEET_BYTES } from '../../core/balanceSheet';
import { normalizeCode, READABLE_CODE } from '../../core/readableCodes';
import { communityId, cursor, docId, limit, openid, requestId } from '../kernel/schemas';

/** The opening-balance actions' inputs (of the `points` function). */

/** The file's bytes as base64: refused before decoding when longer than the largest sheet. */
const sheetFile = z
  .string({ error: 'file 须是文件内容的 base64' })
  .max(Math.ceil(MAX_SHEET_BYTES / 3) * 4, `文件不能超过 ${MAX_SHEET_BYTES / 1024} KB（约 10,000 行）`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'file 须是文件内容的 base64');

const claimCode = z
  .string({ error: '请填领取码' })
  .max(40, '领取码是 8 位字母和数字')
  .transform(normalizeCode)
  .pipe(z.string().regex(READABLE_CODE, '领取码是 8 位字母和数字'));

export const previewImportInput = z.object({ communityId, file: sheetFile });
export const importBalancesInput = z.object({
  communityId,
  file: sheetFile,
  skipProblems: z.boolean({ error: 'skipProblems 必须是 true 或 false' }).default(false),
  requestId,
});
export const listImportsInput = z.object({ communityId, cursor, limit });
export const importRowsInput = z.object({
  communityId,
  importId: docId('importId'),
  status: z.enum(['open', 'claimed'], { error: 'status 只能是 open 或 claimed' }).optional(),
  cursor,
  limit,
});
export const claimBalanceInput = z.object({ communityId, code: claimCode, requestId });
export const matchBalanceInput = z.object({ communityId, code: claimCode, openid, requestId });
