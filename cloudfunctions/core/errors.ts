/** Stable error codes of the cloud API (API.md). Never rename: clients branch on them. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ALREADY_DONE',
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'LIMIT_REACHED',
  'CONTENT_REJECTED',
  'IDEMPOTENCY_MISMATCH',
  'CONFLICT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A business-rule refusal. Thrown inside use cases; the envelope turns it into `{ok:false,error}`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const refuse = (code: ErrorCode, message: string): never => {
  throw new DomainError(code, message);
};
