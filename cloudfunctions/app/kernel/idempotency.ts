import { createHash } from 'node:crypto';
import { DomainError } from '../../core/errors';
import { fingerprint } from '../../core/fingerprint';
import { refusals } from '../../core/refusals';
import { DuplicateError } from '../../store/port';
import { ids, type AppTransaction, type RequestDoc, type RequestRecord } from './documents';

/**
 * Runs `work` once per (caller, requestId) inside the caller's transaction. A replay with the
 * same parameters returns the first result and does nothing; different parameters are refused.
 * Failures are not remembered: a refused call changed nothing, so trying again is safe.
 */
export async function once<T>(
  tx: AppTransaction,
  request: { openid: string; requestId: string; params: unknown; now: Date },
  work: () => Promise<T>,
): Promise<T> {
  const id = ids.request(request.openid, request.requestId);
  const print = fingerprint(request.params);
  const earlier = await tx.get('requests', id);
  if (earlier) {
    if (earlier.fingerprint !== print) refusals.idempotencyMismatch();
    return earlier.result as T;
  }
  const result = await work();
  const doc: RequestDoc = { fingerprint: print, result, createdAt: request.now.toISOString() };
  await tx.set('requests', id, doc);
  return result;
}

/**
 * The id of what a caller's request creates (an order, a ledger entry): the same for every
 * replay of it, so the database itself refuses the second one (a create-only write).
 */
export function requestKey(scope: string, communityId: string, openid: string, requestId: string): string {
  return createHash('sha256').update(`${scope}\u0000${communityId}\u0000${openid}\u0000${requestId}`).digest('base64url').slice(0, 22);
}

/**
 * The form for actions that must stay within a tight document budget (redeem, draw): the
 * request costs no read up front. Its first run creates a record named by requestKey (the order,
 * or a request document) carrying the fingerprint and result; a replay then fails — on that
 * create, or earlier on a rule that no longer holds (sold out, spent) — and only then is the
 * record read: the first result at any age, IDEMPOTENCY_MISMATCH for other parameters.
 */
export async function replayable<T>(
  print: string,
  record: () => Promise<RequestRecord | null | undefined>,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DuplicateError) && !(error instanceof DomainError)) throw error;
    const earlier = await record();
    if (!earlier) throw error;
    if (earlier.fingerprint !== print) refusals.idempotencyMismatch();
    return earlier.result as T;
  }
}
