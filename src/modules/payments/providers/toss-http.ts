import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { circuitBreaker, retryDelayMs, type BreakerOptions, type CircuitState } from '../../../platform/circuit-breaker.ts';
import { ProviderError, TRANSPORT_CODES, isRetryable, providerError, type ProviderOperation } from './provider-errors.ts';
import { parseTossError } from './toss-payment.ts';

// The HTTP side of the Toss client: authentication, a timeout per attempt, bounded retries of idempotent
// requests, and a circuit breaker so that when Toss is down our requests fail at once instead of piling
// up behind 10-second timeouts. Business answers (any status below 500) are returned, not thrown: what
// they mean is toss.ts's business, and they never trip the breaker.

export type ProviderLogger = Pick<Logger, 'info' | 'warn'>;

export interface TossHttpOptions {
  readonly secretKey: string;
  readonly apiUrl: string;
  readonly timeoutMs: number;
  /** Further attempts after the first, for idempotent requests only. */
  readonly retries: number;
  /** First backoff; it doubles per attempt, with jitter. */
  readonly backoffMs: number;
  readonly breaker: BreakerOptions;
  readonly logger: ProviderLogger | undefined;
}

export interface TossRequest {
  readonly method: 'GET' | 'POST';
  /** Already encoded, e.g. `/v1/payments/${encodeURIComponent(key)}`. */
  readonly path: string;
  readonly body?: unknown;
  /** Sent as Idempotency-Key; a request that has one may be retried (Toss replays the first answer). */
  readonly idempotencyKey?: string;
  readonly operation: ProviderOperation;
}

export interface TossAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface TossHttp {
  /** Toss's answer below 500; throws ProviderError (reason unavailable) when there was none to give. */
  send(request: TossRequest): Promise<TossAnswer>;
  circuitState(): CircuitState;
  /** Stops the breaker's timers. */
  close(): void;
}

function transportFailure(error: unknown, timeoutMs: number): ProviderError {
  if (error instanceof ProviderError) return error;
  const name = (error as { name?: unknown }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ProviderError({ reason: 'unavailable', providerCode: TRANSPORT_CODES.timeout, providerMessage: `Toss did not answer within ${timeoutMs} ms` });
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'EOPENBREAKER' || code === 'ESHUTDOWN') {
    const why = code === 'ESHUTDOWN' ? 'the client was closed' : 'it is open after repeated failures';
    return new ProviderError({ reason: 'unavailable', providerCode: TRANSPORT_CODES.circuitOpen, providerMessage: `No request sent to Toss: ${why}` });
  }
  // fetch wraps the socket error (ECONNREFUSED, ECONNRESET, ...) in `cause`. Only its code is kept:
  // nothing from the request (and so no Authorization header) can end up in the error.
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const detail = typeof cause?.code === 'string' ? cause.code : 'connection failed';
  return new ProviderError({ reason: 'unavailable', providerCode: TRANSPORT_CODES.network, providerMessage: `Toss could not be reached (${detail})` });
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // a proxy's HTML error page, say; the status still tells what happened
  }
}

export function createTossHttp(options: TossHttpOptions): TossHttp {
  // Built once and kept in this closure only: never logged, never put on an error or a returned object.
  const authorization = `Basic ${Buffer.from(`${options.secretKey}:`).toString('base64')}`;
  const baseUrl = options.apiUrl.replace(/\/+$/, '');
  const { logger } = options;

  /** One HTTP exchange. Rejects (and so counts against the breaker) only when Toss gave no usable answer. */
  async function exchange(request: TossRequest): Promise<TossAnswer> {
    const headers: Record<string, string> = { authorization, accept: 'application/json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
    let answer: TossAnswer;
    try {
      // The signal covers reading the body too, so a server that stalls mid-answer also times out.
      const response = await fetch(baseUrl + request.path, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      answer = { status: response.status, body: await readBody(response) };
    } catch (error) {
      throw transportFailure(error, options.timeoutMs);
    }
    if (answer.status >= 500) {
      const error = parseTossError(answer.body) ?? { code: `HTTP_${answer.status}`, message: `Toss answered HTTP ${answer.status}` };
      throw providerError({ ...error, httpStatus: answer.status, operation: request.operation });
    }
    return answer;
  }

  const breaker = circuitBreaker(exchange, {
    name: 'toss-payments',
    target: 'Toss',
    calls: 'payments',
    logFields: { provider: 'toss' },
    logger,
    options: options.breaker,
    defaultResetTimeoutMs: 30_000,
  });

  async function send(request: TossRequest): Promise<TossAnswer> {
    // A GET changes nothing, and Toss answers a repeated Idempotency-Key with the first answer, so
    // only these may be sent twice. Anything else could charge or refund twice.
    const idempotent = request.method === 'GET' || Boolean(request.idempotencyKey);
    const attempts = idempotent ? options.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      let failure: ProviderError;
      try {
        const answer = await breaker.fire(request);
        const refusal = answer.status >= 400 ? parseTossError(answer.body) : undefined;
        if (!refusal || !isRetryable(refusal.code, answer.status)) return answer;
        failure = providerError({ ...refusal, httpStatus: answer.status, operation: request.operation });
      } catch (error) {
        failure = transportFailure(error, options.timeoutMs);
      }
      if (!failure.retryable || attempt >= attempts) throw failure;
      logger?.warn({ provider: 'toss', operation: request.operation, attempt, code: failure.providerCode }, 'retrying Toss request');
      await sleep(retryDelayMs(options.backoffMs, attempt));
    }
  }

  return {
    send,
    circuitState: breaker.state,
    close: () => breaker.shutdown(),
  };
}
