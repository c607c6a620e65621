import { AppError, type ErrorKind } from '../../../platform/errors.ts';

// What a provider's refusal means for CareNest. Toss answers errors as `{code, message}` with an HTTP
// status; the table below turns the code into a `reason` callers can act on, and the reason into the
// AppError the HTTP layer shows. Pure, so the whole table is unit-tested; the sandbox throws through the
// same table, so both providers fail the same way.

export type ProviderOperation = 'confirm' | 'cancel' | 'get';

export type ProviderErrorReason =
  /** The payer's card or account refused (or the payer gave up): nothing charged, they may pay again. */
  | 'rejected'
  /** The payment was already approved or finished: re-read it and reconcile, never charge again. */
  | 'already_processed'
  | 'not_found'
  | 'already_canceled'
  /** Amount above the balance, or a payment that cannot be cancelled (not approved, too old, ...). */
  | 'not_cancelable'
  /** Another request on the same payment is being processed: re-read the payment later. */
  | 'concurrent_request'
  /** Our request was malformed, or did not match the payment (e.g. a different amount). */
  | 'invalid_request'
  /** Wrong or missing keys: an operator must fix the configuration. */
  | 'misconfigured'
  /** Provider down, slow or erroring, or our circuit breaker open: nothing is known to have happened. */
  | 'unavailable';

/** Codes for failures where the provider gave no answer of its own. */
export const TRANSPORT_CODES = {
  timeout: 'TIMEOUT',
  network: 'NETWORK_ERROR',
  circuitOpen: 'CIRCUIT_OPEN',
  invalidResponse: 'INVALID_RESPONSE',
} as const;

// Codes from Toss's error reference (docs.tosspayments.com/reference/error-codes), grouped by what we do.
const REJECTED = [
  'REJECT_CARD_PAYMENT',
  'REJECT_CARD_COMPANY',
  'INVALID_REJECT_CARD',
  'BELOW_MINIMUM_AMOUNT',
  'REJECT_ACCOUNT_PAYMENT',
  'REJECT_TOSSPAY_INVALID_ACCOUNT',
  'INVALID_CARD_EXPIRATION',
  'INVALID_STOPPED_CARD',
  'INVALID_CARD_LOST_OR_STOLEN',
  'INVALID_CARD_NUMBER',
  'INVALID_PASSWORD',
  'EXCEED_MAX_DAILY_PAYMENT_COUNT',
  'EXCEED_MAX_PAYMENT_AMOUNT',
  'EXCEED_MAX_AMOUNT',
  'EXCEED_MAX_ONE_DAY_AMOUNT',
  'EXCEED_MAX_AUTH_COUNT',
  'EXCEED_MAX_CARD_INSTALLMENT_PLAN',
  'NOT_ALLOWED_POINT_USE',
  'NOT_AVAILABLE_BANK',
  'NOT_AVAILABLE_PAYMENT',
  'RESTRICTED_TRANSFER_ACCOUNT',
  'FDS_ERROR',
  // Redirect (failUrl) codes: the payer's side of the widget failed or was abandoned.
  'PAY_PROCESS_CANCELED',
  'PAY_PROCESS_ABORTED',
] as const;

const UNAVAILABLE = [
  'PROVIDER_ERROR', // a 400 that Toss documents as temporary
  'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING',
  'FAILED_INTERNAL_SYSTEM_PROCESSING',
  'UNKNOWN_PAYMENT_ERROR',
  'COMMON_ERROR',
  'IDEMPOTENT_REQUEST_PROCESSING', // the first request with this key is still running
  ...Object.values(TRANSPORT_CODES),
] as const;

const CODE_REASONS: Readonly<Record<string, ProviderErrorReason>> = {
  ...Object.fromEntries(REJECTED.map((code) => [code, 'rejected' as const])),
  ...Object.fromEntries(UNAVAILABLE.map((code) => [code, 'unavailable' as const])),
  ALREADY_PROCESSED_PAYMENT: 'already_processed',
  NOT_FOUND_PAYMENT: 'not_found',
  NOT_FOUND_PAYMENT_SESSION: 'not_found', // confirm later than 10 minutes after the payer authorised
  NOT_FOUND: 'not_found',
  ALREADY_CANCELED_PAYMENT: 'already_canceled',
  NOT_CANCELABLE_AMOUNT: 'not_cancelable',
  NOT_CANCELABLE_PAYMENT: 'not_cancelable',
  NOT_MATCHES_REFUNDABLE_AMOUNT: 'not_cancelable',
  EXCEED_CANCEL_AMOUNT_DISCOUNT_AMOUNT: 'not_cancelable',
  FORBIDDEN_CONSECUTIVE_REQUEST: 'concurrent_request',
  INVALID_REQUEST: 'invalid_request',
  FORBIDDEN_REQUEST: 'invalid_request',
  UNAUTHORIZED_KEY: 'misconfigured',
  INVALID_API_KEY: 'misconfigured',
  INCORRECT_BASIC_AUTH_FORMAT: 'misconfigured',
};

/** The reason for a provider code; unlisted codes are judged by HTTP status and operation. */
export function classifyProviderCode(code: string, httpStatus: number | undefined, operation: ProviderOperation): ProviderErrorReason {
  const listed = CODE_REASONS[code];
  if (listed) return listed;
  if (code.startsWith('FAILED_') || (httpStatus !== undefined && httpStatus >= 500)) return 'unavailable';
  if (httpStatus === 401) return 'misconfigured';
  // Toss lists dozens more card and account refusals; on confirm an unknown 4xx is one of them, so the
  // payer sees a refusal with the provider's code (nothing was charged) rather than an outage.
  if (operation === 'confirm') return 'rejected';
  if (operation === 'cancel') return 'not_cancelable';
  return 'invalid_request';
}

/**
 * Whether the same request may be sent again at once. Only transport failures, 5xx and "first request
 * still running" qualify; PROVIDER_ERROR says "try again in a few minutes", which is the caller's call.
 * Only idempotent requests are ever retried (the HTTP client checks that).
 */
export function isRetryable(code: string, httpStatus: number | undefined): boolean {
  if (code === TRANSPORT_CODES.circuitOpen || code === TRANSPORT_CODES.invalidResponse) return false;
  if (code === TRANSPORT_CODES.timeout || code === TRANSPORT_CODES.network) return true;
  if (code === 'IDEMPOTENT_REQUEST_PROCESSING') return true;
  return httpStatus !== undefined && httpStatus >= 500;
}

const REASON_ERRORS: Readonly<Record<ProviderErrorReason, { kind: ErrorKind; code: string }>> = {
  rejected: { kind: 'payment_required', code: 'PAYMENT_REJECTED' },
  already_processed: { kind: 'conflict', code: 'PAYMENT_ALREADY_PROCESSED' },
  not_found: { kind: 'not_found', code: 'PAYMENT_NOT_FOUND' },
  already_canceled: { kind: 'conflict', code: 'PAYMENT_ALREADY_CANCELED' },
  not_cancelable: { kind: 'conflict', code: 'PAYMENT_NOT_CANCELABLE' },
  concurrent_request: { kind: 'conflict', code: 'PAYMENT_CONCURRENT_REQUEST' },
  invalid_request: { kind: 'invalid', code: 'PAYMENT_REQUEST_INVALID' },
  misconfigured: { kind: 'unavailable', code: 'PAYMENT_PROVIDER_UNAVAILABLE' },
  unavailable: { kind: 'unavailable', code: 'PAYMENT_PROVIDER_UNAVAILABLE' },
};

/** The AppError kind and code a reason is shown as. */
export function appErrorFor(reason: ProviderErrorReason): { kind: ErrorKind; code: string } {
  return REASON_ERRORS[reason];
}

const OUTAGE_MESSAGE = 'The payment provider is not reachable right now. Nothing was charged twice; try again shortly.';

/**
 * A provider failure. It is an AppError, so one that nobody handles still reaches the client as the
 * right problem (402, 409, 503, ...). `providerCode` is shown to clients only for business refusals
 * (the API promises "402 PAYMENT_REJECTED with the provider's code"); outages say nothing internal.
 */
export class ProviderError extends AppError {
  readonly reason: ProviderErrorReason;
  readonly providerCode: string;
  /** The provider's own message, for logs. */
  readonly providerMessage: string;
  /** Undefined when no HTTP answer came (timeout, network, open circuit, sandbox). */
  readonly httpStatus: number | undefined;
  readonly retryable: boolean;

  constructor(input: { reason: ProviderErrorReason; providerCode: string; providerMessage: string; httpStatus?: number | undefined }) {
    const { kind, code } = appErrorFor(input.reason);
    const outage = kind === 'unavailable';
    super(kind, code, outage ? OUTAGE_MESSAGE : input.providerMessage, outage ? {} : { extra: { providerCode: input.providerCode } });
    this.name = 'ProviderError';
    this.reason = input.reason;
    this.providerCode = input.providerCode;
    this.providerMessage = input.providerMessage;
    this.httpStatus = input.httpStatus;
    this.retryable = isRetryable(input.providerCode, input.httpStatus);
  }
}

/** The error for a provider's `{code, message}` answer to `operation`. */
export function providerError(input: { code: string; message: string; httpStatus?: number | undefined; operation: ProviderOperation }): ProviderError {
  return new ProviderError({
    reason: classifyProviderCode(input.code, input.httpStatus, input.operation),
    providerCode: input.code,
    providerMessage: input.message,
    httpStatus: input.httpStatus,
  });
}

export function isProviderError(error: unknown, reason?: ProviderErrorReason): error is ProviderError {
  return error instanceof ProviderError && (reason === undefined || error.reason === reason);
}
