import { refuse } from '../core/errors';
import { fingerprint } from '../core/fingerprint';
import { remember, REPLAY_WINDOW_MS, type Remembered } from '../core/mall';
import type { Transaction } from '../store/port';
import { ids, type MemberDoc, type RequestDoc } from './documents';

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

/**
 * The lighter form for actions that write the caller's member document anyway (redeem, draw):
 * requests are remembered on the member for 24 hours, so replays cost no extra read.
 */
export const memberRequests = {
  /** The first result of this request, undefined if it is new; a changed replay is refused. */
  earlier<T>(member: MemberDoc, requestId: string, print: string, now: Date): T | undefined {
    const earlier = member.recentRequests?.[requestId];
    if (!earlier || now.getTime() - Date.parse(earlier.at) >= REPLAY_WINDOW_MS) return undefined;
    if (earlier.fingerprint !== print) refuse('IDEMPOTENCY_MISMATCH', '这个 requestId 已用于另一个请求');
    return earlier.result as T;
  },

  /** The member's remembered requests with this one added. */
  with(member: MemberDoc, requestId: string, print: string, result: unknown, now: Date): Record<string, Remembered> {
    return remember(member.recentRequests, requestId, { fingerprint: print, result, at: now.toISOString() }, now);
  },
};
