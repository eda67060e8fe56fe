import type { ActionInput, ActionName, ActionOutput, Envelope, ErrorCode, FunctionName } from '../../cloudfunctions/contract/api';

/** How the app reaches the cloud functions. Stores get one in their constructor. */
export interface Gateway {
  call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, params: ActionInput<F, A>): Promise<ActionOutput<F, A>>;
}

/** A refusal from the server, with its stable code and a message for people. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function unwrap<T>(envelope: Envelope<T> | undefined | null): T {
  if (!envelope || typeof envelope !== 'object') throw new ApiError('INTERNAL', '网络开小差了，请稍后重试');
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  return envelope.data;
}

/** A client-made requestId (API.md): 8–64 of [A-Za-z0-9_-]. */
export function newRequestId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

/** Where the requestIds of unanswered intents are kept (the app's storage, so they outlive a restart). */
export interface IntentStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/**
 * The requestIds of the things a member means to do, one per intent — "redeem this reward, this
 * many, to this address", "try this draw" — named by what it is. An intent whose answer was lost
 * keeps its requestId in storage, so a retry, even after the app restarted, is the same request
 * and cannot happen twice; another intent gets its own, so it is never refused as
 * IDEMPOTENCY_MISMATCH. Once the server answered (a refusal is an answer too) the id is let go.
 */
export class Intents {
  constructor(private readonly storage: IntentStorage) {}

  async send<T>(intent: string, call: (requestId: string) => Promise<T>): Promise<T> {
    const key = `intent:${intent}`;
    const requestId = this.storage.get(key) || newRequestId();
    this.storage.set(key, requestId);
    try {
      const result = await call(requestId);
      this.storage.set(key, '');
      return result;
    } catch (error) {
      if (error instanceof ApiError) this.storage.set(key, '');
      throw error;
    }
  }
}
