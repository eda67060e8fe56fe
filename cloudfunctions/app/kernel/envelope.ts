import type { ErrorCode } from '../../core/errors';
import type { Envelope } from '../../contract/api';

export type { Envelope };

export const success = <T>(data: T): Envelope<T> => ({ ok: true, data });

export const failure = (code: ErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } });
