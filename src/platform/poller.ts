import type { Logger } from 'pino';
import { Counter, Histogram, type Registry } from 'prom-client';

// The one background loop: every worker that polls the database (the outbox relay, the payment saga,
// Slack delivery, reservation timers) is a poller. Runs never overlap: a run asked for while one is going
// starts right after it (several asks share that one run). Between runs it waits `intervalMs`, re-armed
// after each run (a slow run never piles up ticks). A failing run is logged and counted, and the next
// tick tries again. stop() lets a run in progress finish.

export interface PollerSpec<T> {
  /** Names the log lines and the metrics' `poller` label, e.g. 'payments.saga'. */
  readonly name: string;
  readonly intervalMs: number;
  /** One pass over the work that is due. */
  readonly runOnce: () => Promise<T>;
  /** Run at start instead of one interval later. */
  readonly runAtStart?: boolean;
  /** How long `kick()` waits before running (e.g. for a transaction that commits just after the kick). */
  readonly kickDelayMs?: number;
}

export interface Poller<T = unknown> {
  readonly name: string;
  start(): void;
  /** Asks for a run soon; never throws. Ignored once stopped. */
  kick(): void;
  /** Runs now (after a run in progress) and resolves with its result; works stopped too (tests, flushes). */
  runNow(): Promise<T>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface PollerDeps {
  readonly logger: Logger;
  /** Where runs, errors and durations are counted (labelled by poller name). */
  readonly metrics?: Registry;
}

export function createPoller<T>(spec: PollerSpec<T>, deps: PollerDeps): Poller<T> {
  if (!(spec.intervalMs > 0)) throw new Error(`poller ${spec.name}: intervalMs must be > 0`);
  const metrics = pollerMetrics(deps.metrics);
  const log = deps.logger.child({ poller: spec.name });
  let stopped = true;
  let running = false;
  let kicked = false;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let queued: Promise<T> | undefined;

  function arm(delayMs: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(runInBackground, delayMs);
    timer.unref();
  }

  async function run(): Promise<T> {
    queued = undefined;
    running = true;
    clearTimeout(timer);
    const end = metrics.duration.startTimer({ poller: spec.name });
    metrics.runs.inc({ poller: spec.name });
    try {
      return await spec.runOnce();
    } catch (error) {
      metrics.errors.inc({ poller: spec.name });
      throw error;
    } finally {
      end();
      running = false;
      // A kick during the run asked about work this run may have missed: go again soon.
      arm(kicked ? (spec.kickDelayMs ?? 0) : spec.intervalMs);
      kicked = false;
    }
  }

  function runNow(): Promise<T> {
    if (queued) return queued;
    const next = chain.then(run);
    queued = next;
    chain = next.catch(() => undefined);
    return next;
  }

  function runInBackground(): void {
    runNow().catch((error: unknown) => log.error({ err: error }, 'poller run failed; will retry'));
  }

  return {
    name: spec.name,
    start() {
      stopped = false;
      arm(spec.runAtStart ? 0 : spec.intervalMs);
    },
    kick() {
      if (stopped) return;
      if (running) kicked = true;
      else arm(spec.kickDelayMs ?? 0);
    },
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await chain;
    },
  };
}

type PollerMetrics = {
  readonly runs: Counter<'poller'>;
  readonly errors: Counter<'poller'>;
  readonly duration: Histogram<'poller'>;
};

const shared = new WeakMap<Registry, PollerMetrics>();

/** One set of metrics per registry, shared by its pollers (labelled by name). */
function pollerMetrics(registry: Registry | undefined): PollerMetrics {
  const existing = registry && shared.get(registry);
  if (existing) return existing;
  const registers = registry ? [registry] : [];
  const created: PollerMetrics = {
    runs: new Counter({ name: 'poller_runs_total', help: 'Background poller runs', labelNames: ['poller'] as const, registers }),
    errors: new Counter({ name: 'poller_errors_total', help: 'Background poller runs that failed', labelNames: ['poller'] as const, registers }),
    duration: new Histogram({
      name: 'poller_run_duration_seconds',
      help: 'Background poller run duration',
      labelNames: ['poller'] as const,
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers,
    }),
  };
  if (registry) shared.set(registry, created);
  return created;
}
