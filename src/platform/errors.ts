// One error type for expected failures. Use cases throw it; the HTTP layer maps `kind` to a status
// and writes problem+json with the stable `code`. Anything else is an internal error and is never shown.

export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'payment_required'
  | 'too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'unavailable';

export interface FieldError {
  readonly field: string;
  readonly message: string;
  /** Schema errors: the AJV keyword and its params, so clients can say it in their own language. */
  readonly keyword?: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly errors: readonly FieldError[] | undefined;
  readonly extra: Readonly<Record<string, unknown>> | undefined;

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    options: { errors?: readonly FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.errors = options.errors;
    this.extra = options.extra;
  }
}

export const invalid = (message: string, errors?: readonly FieldError[], code = 'VALIDATION_FAILED'): AppError =>
  new AppError('invalid', code, message, errors ? { errors } : {});

export const notFound = (what: string, code = 'NOT_FOUND'): AppError =>
  new AppError('not_found', code, `${what} not found`);

export const conflict = (code: string, message: string): AppError => new AppError('conflict', code, message);

export const unauthenticated = (code: string, message: string): AppError =>
  new AppError('unauthenticated', code, message);

export const forbidden = (code: string, message: string): AppError => new AppError('forbidden', code, message);
