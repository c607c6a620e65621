import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

// The AI module's Prometheus metrics, one set per registry (tests build many apps in one process), shared
// by both providers and the translation cache. Labels stay bounded: provider and operation are from
// short fixed lists, never user input.

export type AiOperation = 'translate' | 'interpret_search';

export interface AiMetrics {
  /** Requests sent to a provider (each attempt, retries included). */
  readonly calls: Counter<'provider' | 'operation'>;
  readonly failures: Counter<'provider' | 'operation' | 'reason'>;
  readonly latency: Histogram<'provider' | 'operation'>;
  /** Tokens the provider reported in its usage fields; kind is input or output. */
  readonly tokens: Counter<'provider' | 'operation' | 'kind'>;
  /** 0 closed, 1 half-open, 2 open. */
  readonly circuit: Gauge<'provider'>;
  /** Translation cache lookups; result is hit or miss. */
  readonly cache: Counter<'result'>;
  /** AI requests refused by the per-user rate limit. */
  readonly rateLimited: Counter;
}

const shared = new WeakMap<Registry, AiMetrics>();

export function aiMetrics(registry: Registry | undefined): AiMetrics {
  const existing = registry && shared.get(registry);
  if (existing) return existing;
  const registers = registry ? [registry] : [];
  const labels = ['provider', 'operation'] as const;
  const created: AiMetrics = {
    calls: new Counter({ name: 'ai_provider_calls_total', help: 'Requests sent to an AI provider (retries included)', labelNames: labels, registers }),
    failures: new Counter({
      name: 'ai_provider_failures_total',
      help: 'AI provider requests that failed, by reason (timeout, rate_limited, unavailable, rejected, malformed, circuit_open)',
      labelNames: [...labels, 'reason'] as const,
      registers,
    }),
    latency: new Histogram({
      name: 'ai_provider_request_duration_seconds',
      help: 'AI provider request duration',
      labelNames: labels,
      buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30],
      registers,
    }),
    tokens: new Counter({ name: 'ai_provider_tokens_total', help: 'Tokens reported by the AI provider', labelNames: [...labels, 'kind'] as const, registers }),
    circuit: new Gauge({ name: 'ai_provider_circuit_state', help: 'Circuit breaker to the AI provider: 0 closed, 1 half-open, 2 open', labelNames: ['provider'] as const, registers }),
    cache: new Counter({ name: 'ai_translation_cache_total', help: 'Translation cache lookups by result (hit, miss)', labelNames: ['result'] as const, registers }),
    rateLimited: new Counter({ name: 'ai_rate_limited_total', help: 'AI requests refused by the per-user rate limit', registers }),
  };
  if (registry) shared.set(registry, created);
  return created;
}
