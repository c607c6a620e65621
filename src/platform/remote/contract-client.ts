import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { circuitBreaker, retryDelayMs, type BreakerOptions, type CircuitState } from '../circuit-breaker.ts';
import { AppError, type ErrorKind, type FieldError } from '../errors.ts';
import { signInternalCall } from '../internal-auth.ts';
import { decodeWire, encodeWire } from './codec.ts';
import type { ContractCaller, MethodKind } from './contract.ts';
import { contractMetrics, type CallOutcome } from './contract-metrics.ts';

// The calling side of a contract over HTTP (split mode): `POST <url>/internal/v1/<module>/<method>` with
// `{ args }` and a call token, answered `{ result }` or `{ error }` (the remote use case's AppError, thrown
// here again as the same AppError). A timeout per attempt; reads are retried with doubling backoff on
// network failures, timeouts and 5xx, never on an AppError answer; one circuit breaker per upstream (the
// style of payments' Toss client), so a service that is down fails calls at once with 503 SERVICE_UNAVAILABLE.

export interface ContractClientOptions {
  /** The module the upstream runs (the path's first segment, the metrics' label). */
  readonly module: string;
  readonly url: string;
  readonly secret: string;
  /** Who is calling (this process's module list), the call token's subject. */
  readonly caller: string;
  readonly timeoutMs?: number;
  /** Further attempts after the first, for reads only. */
  readonly retries?: number;
  /** First backoff; it doubles per attempt, with jitter. */
  readonly backoffMs?: number;
  readonly breaker?: BreakerOptions;
  readonly metrics?: Registry;
  readonly logger?: Pick<Logger, 'info' | 'warn'>;
  readonly now?: () => number;
}

export interface ContractClient {
  readonly call: ContractCaller;
  circuitState(): CircuitState;
  close(): void;
}

/** The upstream gave no usable answer (down, too slow, 5xx): counts against the breaker, may be retried. */
class TransportFailure extends Error {
  readonly outcome: CallOutcome;
  constructor(message: string, outcome: CallOutcome) {
    super(message);
    this.outcome = outcome;
  }
}

type Answer = { readonly result: unknown } | { readonly error: AppError };

function appErrorOf(body: unknown): AppError | undefined {
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (typeof error !== 'object' || error === null || typeof error.kind !== 'string' || typeof error.code !== 'string') return undefined;
  const options: { errors?: readonly FieldError[]; extra?: Record<string, unknown> } = {};
  if (Array.isArray(error.errors)) options.errors = error.errors as FieldError[];
  if (typeof error.extra === 'object' && error.extra !== null) options.extra = decodeWire(error.extra) as Record<string, unknown>;
  return new AppError(error.kind as ErrorKind, error.code, String(error.message ?? ''), options);
}

export function createContractClient(options: ContractClientOptions): ContractClient {
  const { module, secret, caller, logger } = options;
  const base = `${options.url.replace(/\/+$/, '')}/internal/v1/${encodeURIComponent(module)}/`;
  const timeoutMs = options.timeoutMs ?? 2000;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 100;
  const now = options.now ?? Date.now;
  const metrics = contractMetrics(options.metrics);

  async function exchange(method: string, args: readonly unknown[]): Promise<Answer> {
    let status: number;
    let body: unknown;
    try {
      const response = await fetch(base + encodeURIComponent(method), {
        method: 'POST',
        headers: { authorization: `Bearer ${await signInternalCall(secret, caller, now())}`, 'content-type': 'application/json' },
        body: JSON.stringify({ args: encodeWire(args) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      const text = await response.text();
      body = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new TransportFailure(`no answer within ${timeoutMs} ms`, 'timeout');
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      throw new TransportFailure(typeof code === 'string' ? code : 'connection failed', 'unavailable');
    }
    const appError = appErrorOf(body);
    if (appError) return { error: appError };
    if (status === 200 && typeof body === 'object' && body !== null) return { result: decodeWire((body as { result?: unknown }).result) };
    // Not our endpoint's answer: a 5xx, or a 404 from a process that does not run the module (or refused the call token).
    throw new TransportFailure(`HTTP ${status}`, 'unavailable');
  }

  const breaker = circuitBreaker(exchange, {
    name: `contract-${module}`,
    target: `the ${module} service`,
    calls: 'its calls',
    logFields: { module },
    logger,
    options: options.breaker,
    defaultResetTimeoutMs: 10_000,
  });
  const circuitState = breaker.state;
  metrics.circuits.set(module, circuitState);

  function unavailable(method: string, why: string): AppError {
    return new AppError('unavailable', 'SERVICE_UNAVAILABLE', `The ${module} service is unavailable (${method}: ${why})`);
  }

  async function call(method: string, args: readonly unknown[], kind: MethodKind): Promise<unknown> {
    const attempts = kind === 'read' ? retries + 1 : 1;
    const stopTimer = metrics.latency.startTimer({ module, method });
    try {
      for (let attempt = 1; ; attempt++) {
        let failure: TransportFailure;
        try {
          const answer = await breaker.fire(method, args);
          metrics.calls.inc({ module, method, outcome: 'error' in answer ? 'app_error' : 'ok' });
          if ('error' in answer) throw answer.error;
          return answer.result;
        } catch (error) {
          if (error instanceof AppError) throw error;
          const code = (error as { code?: unknown }).code;
          failure =
            error instanceof TransportFailure
              ? error
              : code === 'EOPENBREAKER' || code === 'ESHUTDOWN'
                ? new TransportFailure('circuit open after repeated failures', 'circuit_open')
                : new TransportFailure(String((error as Error).message), 'unavailable');
        }
        metrics.calls.inc({ module, method, outcome: failure.outcome });
        if (failure.outcome === 'circuit_open' || attempt >= attempts) throw unavailable(method, failure.message);
        logger?.warn({ module, method, attempt, reason: failure.message }, 'retrying contract call');
        await sleep(retryDelayMs(backoffMs, attempt));
      }
    } finally {
      stopTimer();
    }
  }

  return {
    call,
    circuitState,
    close: () => {
      metrics.circuits.delete(module);
      breaker.shutdown();
    },
  };
}
