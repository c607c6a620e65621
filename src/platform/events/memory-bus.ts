import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { eventMetrics } from '../observability/event-metrics.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { EventBus } from './bus.ts';
import { checkRetryPolicy, createLimiter, DEFAULT_RETRY, deliverBatch, type RetryPolicy } from './delivery.ts';

export type { RetryPolicy } from './delivery.ts';
import type { DomainEvent, EventConsumer, NewEvent } from './event.ts';

// The in-process bus for a single replica (and tests). It keeps the guarantees consumers will get
// from Kafka: per consumer, one aggregate's events in order; retries with backoff; then a dead
// letter. The events of one publish (one relay batch) reach a consumer declared `batch` together, handled
// in one inbox transaction (delivery.ts deliverBatch); such a batch starts once the earlier events of all
// its aggregates are done. What it cannot keep: events accepted but not yet handled are lost if the process dies
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

  async function deliverCounted(consumer: EventConsumer, events: readonly DomainEvent[]): Promise<void> {
    const outcomes = await deliverBatch(delivery, consumer, events);
    outcomes.forEach((outcome, i) => {
      const { type } = events[i]!;
      if (typeof outcome === 'string') metrics.consumed.inc({ group: consumer.name, type, outcome });
      else metrics.deadLettered.inc({ group: consumer.name, topic: type });
    });
  }
  let started = false;
  let closed = false;
  let markStarted!: () => void;
  const startedSignal = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  let pending = 0;
  let idleWaiters: (() => void)[] = [];

  /** Queues `events` (in publish order) for one consumer, after the earlier events of their aggregates. */
  function enqueue(subscription: Subscription, events: readonly DomainEvent[]): void {
    const { lanes, consumer } = subscription;
    pending += events.length;
    metrics.lag.inc(lagOf(consumer), events.length);
    const aggregates = [...new Set(events.map((event) => event.aggregateId))];
    const previous = Promise.all([startedSignal, ...aggregates.map((aggregate) => lanes.get(aggregate))]);
    // deliverBatch() never rejects (failures end in a dead letter), so the chains never break.
    const tail: Promise<void> = previous
      .then(() => deliverCounted(consumer, events))
      .catch((error: unknown) => logger.error({ err: error, consumer: consumer.name, eventIds: events.map((e) => e.id) }, 'event delivery crashed'))
      .finally(() => {
        for (const aggregate of aggregates) if (lanes.get(aggregate) === tail) lanes.delete(aggregate);
        pending -= events.length;
        metrics.lag.dec(lagOf(consumer), events.length);
        if (pending === 0) {
          const waiters = idleWaiters;
          idleWaiters = [];
          for (const wake of waiters) wake();
        }
      });
    for (const aggregate of aggregates) lanes.set(aggregate, tail);
  }

  return {
    kind: 'memory',
    async publish(events) {
      if (closed) throw new Error('event bus is closed');
      for (const event of events) metrics.published.inc({ type: event.type });
      for (const subscription of subscriptions) {
        const wanted = events.filter((event) => subscription.consumer.types.includes(event.type));
        // A batch consumer gets the publish's events together; any other one event at a time, as before.
        if (subscription.consumer.batch === true) {
          if (wanted.length > 0) enqueue(subscription, wanted);
        } else {
          for (const event of wanted) enqueue(subscription, [event]);
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
