import CircuitBreaker from 'opossum';
import type { Logger } from 'pino';
import { Gauge, type Registry } from 'prom-client';

// The circuit breaker every call out of the process goes through (Toss, the AI providers, another service's
// contract in split mode): when the other side is down, calls fail at once instead of piling up behind
// timeouts. One set of options, one reading of the state, one log line per transition, one retry backoff,
// one gauge encoding; each caller keeps what is its own (what counts as a failure, what may be retried).

export interface BreakerOptions {
  /** How long the circuit stays open before one trial request is let through (half-open). */
  readonly resetTimeoutMs?: number;
  /** Percentage of failed requests in the window at which the circuit opens. */
  readonly errorThresholdPercentage?: number;
  /** Requests the window must hold before the circuit may open at all, so one blip does not open it. */
  readonly volumeThreshold?: number;
  /** Length of the rolling window the percentage is taken over. */
  readonly windowMs?: number;
}

export type CircuitState = 'closed' | 'half_open' | 'open';

/** How the `*_circuit_state` gauges encode a state. */
export const CIRCUIT_STATE_VALUE: Readonly<Record<CircuitState, number>> = { closed: 0, half_open: 1, open: 2 };

export interface Breaker<A extends unknown[], R> {
  fire(...args: A): Promise<R>;
  readonly opened: boolean;
  state(): CircuitState;
  shutdown(): void;
}

export interface BreakerSettings {
  /** opossum's name for it. */
  readonly name: string;
  /** Who is on the other side, in the log lines: "Toss", "gemini", "the caregivers service". */
  readonly target: string;
  /** What fails fast while it is open, in the log line: "payments", "AI calls". */
  readonly calls: string;
  readonly logFields: Readonly<Record<string, unknown>>;
  readonly logger?: Pick<Logger, 'info' | 'warn'> | undefined;
  readonly options?: BreakerOptions | undefined;
  /** How long it stays open when the options do not say. */
  readonly defaultResetTimeoutMs: number;
  /** Which failures count towards opening it (all, when absent). */
  readonly errorFilter?: (error: unknown) => boolean;
  /** Told each state it enters (a gauge set on transitions). */
  readonly onState?: (state: CircuitState) => void;
}

/** `action` behind a breaker; its own timeout belongs to the caller's transport (an AbortSignal per attempt). */
export function circuitBreaker<A extends unknown[], R>(action: (...args: A) => Promise<R>, settings: BreakerSettings): Breaker<A, R> {
  const { options, logger, logFields, target } = settings;
  const breaker = new CircuitBreaker(action, {
    name: settings.name,
    timeout: false, // each attempt has its own AbortSignal timeout, which also cancels the request
    resetTimeout: options?.resetTimeoutMs ?? settings.defaultResetTimeoutMs,
    errorThresholdPercentage: options?.errorThresholdPercentage ?? 50,
    volumeThreshold: options?.volumeThreshold ?? 5,
    rollingCountTimeout: options?.windowMs ?? 10_000,
    rollingPercentilesEnabled: false,
    enableSnapshots: false,
    ...(settings.errorFilter ? { errorFilter: settings.errorFilter } : {}),
  });
  breaker.on('open', () => {
    settings.onState?.('open');
    logger?.warn(logFields, `circuit to ${target} opened: ${settings.calls} fail fast until it half-opens`);
  });
  breaker.on('halfOpen', () => {
    settings.onState?.('half_open');
    logger?.info(logFields, `circuit to ${target} half-open: trying one request`);
  });
  breaker.on('close', () => {
    settings.onState?.('closed');
    logger?.info(logFields, `circuit to ${target} closed`);
  });
  settings.onState?.('closed');
  return {
    fire: (...args: A) => breaker.fire(...args),
    get opened() {
      return breaker.opened;
    },
    state: () => (breaker.opened ? 'open' : breaker.halfOpen ? 'half_open' : 'closed'),
    shutdown: () => breaker.shutdown(),
  };
}

/** The pause before retry number `attempt` (1, 2, ...): doubling from `firstMs`, with jitter, so callers that failed together do not come back together. */
export function retryDelayMs(firstMs: number, attempt: number): number {
  return firstMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
}

/**
 * A `*_circuit_state` gauge read at each scrape from the breakers registered in the returned map, by the
 * gauge's one label (a provider, a module).
 */
export function circuitStateGauge(registers: Registry[], metric: { name: string; help: string; label: string }): Map<string, () => CircuitState> {
  const circuits = new Map<string, () => CircuitState>();
  new Gauge({
    name: metric.name,
    help: metric.help,
    labelNames: [metric.label],
    registers,
    collect() {
      for (const [key, state] of circuits) this.set({ [metric.label]: key }, CIRCUIT_STATE_VALUE[state()]);
    },
  });
  return circuits;
}
