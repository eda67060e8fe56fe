import type { ActionInput, ActionName, ActionOutput, Envelope, ErrorCode, FunctionName } from '../../cloudfunctions/app/api';

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

/**
 * The requestId of one thing a member means to do (one redemption, one draw): kept while the
 * answer may have been lost, so a retry cannot do it twice; renewed once the server answered.
 */
export class Intent {
  private current: string | null = null;

  /** Sends with this intent's requestId. A refusal is an answer too: only a lost answer keeps the id. */
  async send<T>(call: (requestId: string) => Promise<T>): Promise<T> {
    this.current ??= newRequestId();
    try {
      const result = await call(this.current);
      this.current = null;
      return result;
    } catch (error) {
      if (error instanceof ApiError) this.current = null;
      throw error;
    }
  }
}
