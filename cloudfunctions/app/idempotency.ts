import { refuse } from '../core/errors';
import { fingerprint } from '../core/fingerprint';
import type { Transaction } from '../store/port';
import { ids, type RequestDoc } from './documents';

/**
 * Runs `work` once per (caller, requestId) inside the caller's transaction. A replay with the
 * same parameters returns the first result and does nothing; different parameters are refused.
 * Failures are not remembered: a refused call changed nothing, so trying again is safe.
 */
export async function once<T>(
  tx: Transaction,
  request: { openid: string; requestId: string; params: unknown; now: Date },
  work: () => Promise<T>,
): Promise<T> {
  const id = ids.request(request.openid, request.requestId);
  const print = fingerprint(request.params);
  const earlier = await tx.get<RequestDoc>('requests', id);
  if (earlier) {
    if (earlier.fingerprint !== print) refuse('IDEMPOTENCY_MISMATCH', '这个 requestId 已用于另一个请求');
    return earlier.result as T;
  }
  const result = await work();
  const doc: RequestDoc = { fingerprint: print, result, createdAt: request.now.toISOString() };
  await tx.set('requests', id, doc);
  return result;
}
