import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { eventMetrics } from '../observability/event-metrics.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { EventBus } from './bus.ts';
import { checkRetryPolicy, createLimiter, DEFAULT_RETRY, deliver, type RetryPolicy } from './delivery.ts';

export type { RetryPolicy } from './delivery.ts';
import type { DomainEvent, EventConsumer, NewEvent } from './event.ts';

// The in-process bus for a single replica (and tests). It keeps the guarantees consumers will get
// from Kafka: per consumer, one aggregate's events in order; retries with backoff; then a dead
// letter. What it cannot keep: events accepted but not yet handled are lost if the process dies
// (the outbox row is already marked published), which is why production runs Kafka.

export interface MemoryBusOptions {
  readonly database: Database;
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly retry?: RetryPolicy;
  /**
   * Handler transactions running at once across all consumers. Bounded so a burst of events cannot
   * take every pool connection (and time out) from HTTP requests and the relay.
   */
  readonly concurrency?: number;
  /** Called after a handler committed events it emitted (wakes the outbox relay). */
  readonly eventsCommitted?: (events: readonly NewEvent[]) => void;
  /** Where deliveries, dead letters and per-consumer backlog (as lag) are counted. */
  readonly metricsRegistry?: Registry;
}

export interface MemoryBus extends EventBus {
  readonly kind: 'memory';
  /** Resolves when every accepted event has been handled or dead-lettered (waits for `start()`). */
  idle(): Promise<void>;
}

const DEFAULT_CONCURRENCY = 4;

interface Subscription {
  readonly consumer: EventConsumer;
  /** Tail of each aggregate's delivery chain; deleted when the chain drains. */
  readonly lanes: Map<string, Promise<void>>;
}

export function createMemoryBus(options: MemoryBusOptions): MemoryBus {
  const { database, logger } = options;
  const clock = options.clock ?? systemClock;
  const retry = checkRetryPolicy(options.retry ?? DEFAULT_RETRY);
  const delivery = {
    database,
    logger,
    clock,
    retry,
    slots: createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY),
    ...(options.eventsCommitted ? { eventsCommitted: options.eventsCommitted } : {}),
  };

  const subscriptions: Subscription[] = [];
  const metrics = eventMetrics(options.metricsRegistry);
  const lagOf = (consumer: EventConsumer) => ({ group: consumer.name, topic: 'memory', partition: '0' });

  async function deliverCounted(consumer: EventConsumer, event: DomainEvent): Promise<void> {
    const outcome = await deliver(delivery, consumer, event);
    if (typeof outcome === 'string') metrics.consumed.inc({ group: consumer.name, type: event.type, outcome });
    else metrics.deadLettered.inc({ group: consumer.name, topic: event.type });
  }
  let started = false;
  let closed = false;
  let markStarted!: () => void;
  const startedSignal = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  let pending = 0;
  let idleWaiters: (() => void)[] = [];

  function enqueue(subscription: Subscription, event: DomainEvent): void {
    const { lanes, consumer } = subscription;
    pending++;
    metrics.lag.inc(lagOf(consumer));
    const previous = lanes.get(event.aggregateId) ?? startedSignal;
    // deliver() never rejects (failures end in a dead letter), so the chain never breaks.
    const tail: Promise<void> = previous
      .then(() => deliverCounted(consumer, event))
      .catch((error: unknown) => logger.error({ err: error, consumer: consumer.name, eventId: event.id }, 'event delivery crashed'))
      .finally(() => {
        if (lanes.get(event.aggregateId) === tail) lanes.delete(event.aggregateId);
        pending--;
        metrics.lag.dec(lagOf(consumer));
        if (pending === 0) {
          const waiters = idleWaiters;
          idleWaiters = [];
          for (const wake of waiters) wake();
        }
      });
    lanes.set(event.aggregateId, tail);
  }

  return {
    kind: 'memory',
    async publish(events) {
      if (closed) throw new Error('event bus is closed');
      for (const event of events) {
        metrics.published.inc({ type: event.type });
        for (const subscription of subscriptions) {
          if (subscription.consumer.types.includes(event.type)) enqueue(subscription, event);
        }
      }
    },
    subscribe(consumer) {
      if (started) throw new Error(`subscribe ${consumer.name} before the event bus starts`);
      if (subscriptions.some((s) => s.consumer.name === consumer.name)) {
        // Two consumers sharing a name would share inbox rows, and one would silently skip events.
        throw new Error(`event consumer name ${consumer.name} is already subscribed`);
      }
      subscriptions.push({ consumer, lanes: new Map() });
      metrics.lag.inc(lagOf(consumer), 0);
    },
    async start() {
      started = true;
      markStarted();
    },
    async ping() {
      if (closed) throw new Error('event bus is closed');
    },
    idle() {
      if (pending === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      if (closed) return;
      closed = true;
      if (!started) {
        if (pending > 0) logger.warn({ pending }, 'event bus closed before it started; undelivered events dropped');
        return;
      }
      if (pending > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
