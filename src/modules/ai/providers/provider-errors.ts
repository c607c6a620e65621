// What can go wrong when asking a language model, in words the caller acts on. Only `timeout`,
// `rate_limited`, `unavailable` (5xx, network) are worth another try; they also count against the
// circuit breaker. `rejected` (400/401/403/404: our request or our key is wrong) and `malformed` (the
// model answered something we cannot use) would fail the same way again.

export type AiFailureReason = 'timeout' | 'rate_limited' | 'unavailable' | 'circuit_open' | 'rejected' | 'malformed';

const RETRYABLE: ReadonlySet<AiFailureReason> = new Set(['timeout', 'rate_limited', 'unavailable']);

export class AiProviderError extends Error {
  readonly reason: AiFailureReason;
  /** The provider's HTTP status, when it answered one. */
  readonly httpStatus: number | undefined;

  constructor(reason: AiFailureReason, message: string, httpStatus?: number) {
    super(message);
    this.name = 'AiProviderError';
    this.reason = reason;
    this.httpStatus = httpStatus;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.reason);
  }
}

/** The reason an HTTP status means (only called for statuses that are not a success). */
export function reasonOfStatus(status: number): AiFailureReason {
  if (status === 429) return 'rate_limited';
  if (status === 408 || status >= 500) return 'unavailable';
  return 'rejected';
}

/**
 * Any error from a transport (fetch, the Gemini SDK) as an AiProviderError. Only the error's name, code and
 * status are read: nothing from the request (the API key) can end up in the message.
 */
export function toProviderError(error: unknown, provider: string, timeoutMs: number): AiProviderError {
  if (error instanceof AiProviderError) return error;
  const { name, code, status } = error as { name?: unknown; code?: unknown; status?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new AiProviderError('timeout', `${provider} did not answer within ${timeoutMs} ms`);
  }
  if (code === 'EOPENBREAKER' || code === 'ESHUTDOWN') {
    return new AiProviderError('circuit_open', `No request sent to ${provider}: its circuit is open after repeated failures`);
  }
  if (typeof status === 'number') return new AiProviderError(reasonOfStatus(status), `${provider} answered HTTP ${status}`, status);
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const detail = typeof cause?.code === 'string' ? cause.code : 'connection failed';
  return new AiProviderError('unavailable', `${provider} could not be reached (${detail})`);
}
