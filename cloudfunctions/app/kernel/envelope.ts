import type { ErrorCode } from '../../core/errors';

/** The one response shape of every cloud function action (API.md). */
export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export const success = <T>(data: T): Envelope<T> => ({ ok: true, data });

export const failure = (code: ErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } });
