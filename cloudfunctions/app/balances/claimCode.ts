import { createHash } from 'node:crypto';
import { claimCodeOf } from '../../core/balanceSheet';

/**
 * A row's claim code: from the import's secret and the row's line, so writing the row again (a
 * page done twice) makes the same code; `attempt` moves past a code another row already holds.
 */
export function claimCode(secret: string, line: number, attempt: number): string {
  const code = claimCodeOf(createHash('sha256').update(`${secret}:${line}:${attempt}`).digest());
  // 32 bytes give 8 usable ones unless 25 of them land in the 8 rejected values: never in practice.
  if (!code) throw new Error('claim code: not enough usable bytes');
  return code;
}
