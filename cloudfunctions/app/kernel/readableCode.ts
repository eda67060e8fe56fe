import { createHash } from 'node:crypto';
import { readableCodeOf } from '../../core/readableCodes';

/**
 * A code people type (core/readableCodes.ts) from a seed: the same seed, the same code — so a
 * write done again makes the same code — and unguessable as long as the seed is.
 */
export function readableCode(seed: string): string {
  const code = readableCodeOf(createHash('sha256').update(seed).digest());
  // 32 bytes give 8 usable ones unless 25 of them land in the 8 rejected values: never in practice.
  if (!code) throw new Error('readable code: not enough usable bytes');
  return code;
}
