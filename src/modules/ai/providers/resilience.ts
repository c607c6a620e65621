import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { CIRCUIT_STATE_VALUE, circuitBreaker, retryDelayMs, type BreakerOptions, type CircuitState } from '../../../platform/circuit-breaker.ts';
import { AiProviderError, toProviderError } from './provider-errors.ts';
import { aiMetrics, type AiOperation } from './metrics.ts';

// Timeouts, bounded retries and a circuit breaker around one provider's requests, shared by Gemini and
// OpenAI (the breaker itself is the platform's, platform/circuit-breaker.ts). The timeout itself belongs to the transport
// (an AbortSignal per attempt, so a stalled request is really cancelled); this counts, retries and
// fails fast: when the provider is down, translations answer 503 at once instead of after every timeout.

export interface ResilienceOptions {
  /** Each attempt's deadline (applied by the transport). */
  readonly timeoutMs: number;
  /** Further attempts after the first, only after a timeout, 429 or 5xx. */
  readonly retries: number;
  /** First backoff; doubles per attempt, with jitter. */
  readonly backoffMs: number;
  readonly breaker?: BreakerOptions;
  readonly metrics?: Registry;
  readonly logger?: Pick<Logger, 'info' | 'warn'>;
}

/** What one attempt gives back: the answer and the tokens the provider reported. */
export interface Attempt<T> {
  readonly value: T;
  readonly usage?: { readonly input?: number; readonly output?: number };
}

export interface Resilient {
  run<T>(operation: AiOperation, attempt: () => Promise<Attempt<T>>): Promise<T>;
  circuitState(): CircuitState;
  close(): void;
}

export function resilient(provider: string, options: ResilienceOptions): Resilient {
  const metrics = aiMetrics(options.metrics);
  const { logger } = options;
  const breaker = circuitBreaker(async (attempt: () => Promise<unknown>) => attempt(), {
    name: `ai-${provider}`,
    target: provider,
    calls: 'AI calls',
    logFields: { provider },
    logger,
    options: options.breaker,
    defaultResetTimeoutMs: 30_000,
    // A refused request or unusable output says nothing about the provider's health: only transient
    // failures (timeouts, 429, 5xx, network) count towards opening the circuit.
    errorFilter: (error: unknown) => !toProviderError(error, provider, options.timeoutMs).retryable,
    onState: (state) => metrics.circuit.set({ provider }, CIRCUIT_STATE_VALUE[state]),
  });

  async function once<T>(operation: AiOperation, attempt: () => Promise<Attempt<T>>): Promise<T> {
    const labels = { provider, operation };
    const stop = metrics.latency.startTimer(labels);
    try {
      if (breaker.opened) throw new AiProviderError('circuit_open', `No request sent to ${provider}: its circuit is open after repeated failures`);
      metrics.calls.inc(labels);
      const answer = (await breaker.fire(attempt)) as Attempt<T>;
      if (answer.usage?.input) metrics.tokens.inc({ ...labels, kind: 'input' }, answer.usage.input);
      if (answer.usage?.output) metrics.tokens.inc({ ...labels, kind: 'output' }, answer.usage.output);
      return answer.value;
    } catch (error) {
      const failure = toProviderError(error, provider, options.timeoutMs);
      metrics.failures.inc({ ...labels, reason: failure.reason });
      throw failure;
    } finally {
      stop();
    }
  }

  return {
    async run(operation, attempt) {
      for (let attemptNo = 1; ; attemptNo++) {
        try {
          return await once(operation, attempt);
        } catch (error) {
          const failure = error as AiProviderError;
          if (!failure.retryable || attemptNo > options.retries) throw failure;
          logger?.warn({ provider, operation, attempt: attemptNo, reason: failure.reason }, `retrying ${provider} request`);
          await sleep(retryDelayMs(options.backoffMs, attemptNo));
        }
      }
    },
    circuitState: breaker.state,
    close: () => breaker.shutdown(),
  };
}
