import { setTimeout as sleep } from 'node:timers/promises';
import CircuitBreaker from 'opossum';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { AiProviderError, toProviderError } from './provider-errors.ts';
import { aiMetrics, type AiOperation } from './metrics.ts';

// Timeouts, bounded retries and a circuit breaker around one provider's requests, shared by Gemini and
// OpenAI (the payments' Toss client does the same for Toss). The timeout itself belongs to the transport
// (an AbortSignal per attempt, so a stalled request is really cancelled); this counts, retries and
// fails fast: when the provider is down, translations answer 503 at once instead of after every timeout.

export interface BreakerOptions {
  /** How long the circuit stays open before one trial request is let through (half-open). */
  readonly resetTimeoutMs?: number;
  /** Percentage of failed requests in the window at which the circuit opens. */
  readonly errorThresholdPercentage?: number;
  /** Requests the window must hold before the circuit may open at all. */
  readonly volumeThreshold?: number;
  readonly windowMs?: number;
}

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
  circuitState(): 'closed' | 'open' | 'half_open';
  close(): void;
}

export function resilient(provider: string, options: ResilienceOptions): Resilient {
  const metrics = aiMetrics(options.metrics);
  const { logger } = options;
  const breaker = new CircuitBreaker(async (attempt: () => Promise<unknown>) => attempt(), {
    name: `ai-${provider}`,
    timeout: false, // the transport's own timeout cancels the request
    resetTimeout: options.breaker?.resetTimeoutMs ?? 30_000,
    errorThresholdPercentage: options.breaker?.errorThresholdPercentage ?? 50,
    volumeThreshold: options.breaker?.volumeThreshold ?? 5,
    rollingCountTimeout: options.breaker?.windowMs ?? 10_000,
    rollingPercentilesEnabled: false,
    enableSnapshots: false,
    // A refused request or unusable output says nothing about the provider's health: only transient
    // failures (timeouts, 429, 5xx, network) count towards opening the circuit.
    errorFilter: (error: unknown) => !toProviderError(error, provider, options.timeoutMs).retryable,
  });
  const gauge = (value: number) => metrics.circuit.set({ provider }, value);
  gauge(0);
  breaker.on('open', () => {
    gauge(2);
    logger?.warn({ provider }, `circuit to ${provider} opened: AI calls fail fast until it half-opens`);
  });
  breaker.on('halfOpen', () => {
    gauge(1);
    logger?.info({ provider }, `circuit to ${provider} half-open: trying one request`);
  });
  breaker.on('close', () => {
    gauge(0);
    logger?.info({ provider }, `circuit to ${provider} closed`);
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
          // Doubling backoff with jitter, so callers that failed together do not come back together.
          await sleep(options.backoffMs * 2 ** (attemptNo - 1) * (0.5 + Math.random() / 2));
        }
      }
    },
    circuitState: () => (breaker.opened ? 'open' : breaker.halfOpen ? 'half_open' : 'closed'),
    close: () => breaker.shutdown(),
  };
}
