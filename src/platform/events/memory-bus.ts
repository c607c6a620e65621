import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { EventBus } from './bus.ts';
import type { DomainEvent, EventConsumer } from './event.ts';
import { runIdempotently } from './inbox.ts';

// The in-process bus for a single replica (and tests). It keeps the guarantees consumers will get
// from Kafka: per consumer, one aggregate's events in order; retries with backoff; then a dead
// letter. What it cannot keep: events accepted but not yet handled are lost if the process dies
// (the outbox row is already marked published), which is why production runs Kafka.

export interface RetryPolicy {
  /** Deliveries in all, the first included. */
  readonly attempts: number;
  /** Wait before the second delivery; doubles each time after. */
  readonly baseDelayMs: number;
}

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
}

export interface MemoryBus extends EventBus {
  readonly kind: 'memory';
  /** Resolves when every accepted event has been handled or dead-lettered (waits for `start()`). */
  idle(): Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 100 };
const DEFAULT_CONCURRENCY = 4;

interface Subscription {
  readonly consumer: EventConsumer;
  /** Tail of each aggregate's delivery chain; deleted when the chain drains. */
  readonly lanes: Map<string, Promise<void>>;
}

export function createMemoryBus(options: MemoryBusOptions): MemoryBus {
  const { database, logger } = options;
  const clock = options.clock ?? systemClock;
  const retry = options.retry ?? DEFAULT_RETRY;
  if (!Number.isInteger(retry.attempts) || retry.attempts < 1) throw new Error('retry.attempts must be an integer >= 1');
  if (!(retry.baseDelayMs >= 0)) throw new Error('retry.baseDelayMs must be >= 0');
  const slots = createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY);

  const subscriptions: Subscription[] = [];
  let started = false;
  let closed = false;
  let markStarted!: () => void;
  const startedSignal = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  let pending = 0;
  let idleWaiters: (() => void)[] = [];

  async function deliver(consumer: EventConsumer, event: DomainEvent): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      // Each consumer gets its own copy, as it would deserialise its own from Kafka.
      const copy = structuredClone(event);
      await slots.acquire();
      try {
        const outcome = await runIdempotently(database, consumer, copy);
        if (outcome === 'duplicate') {
          logger.debug({ consumer: consumer.name, eventId: event.id, type: event.type }, 'duplicate event skipped');
        }
        return;
      } catch (error) {
        if (attempt >= retry.attempts) {
          await deadLetter(consumer, event, error, attempt);
          return;
        }
        logger.warn(
          { err: error, consumer: consumer.name, eventId: event.id, type: event.type, attempt },
          'event handler failed, will retry',
        );
      } finally {
        slots.release();
      }
      await sleep(retry.baseDelayMs * 2 ** (attempt - 1));
    }
  }

  async function deadLetter(consumer: EventConsumer, event: DomainEvent, error: unknown, attempts: number): Promise<void> {
    const context = { err: error, consumer: consumer.name, eventId: event.id, type: event.type, attempts };
    try {
      await database.db
        .insertInto('platform.dead_letters')
        .values({
          consumer: consumer.name,
          event_id: event.id,
          type: event.type,
          event: JSON.stringify(event),
          error: describe(error),
          failed_at: clock.now(),
        })
        .execute();
      logger.error(context, 'event handler failed after every retry; event dead-lettered');
    } catch (storeError) {
      // Last resort: the event itself goes to the log so an operator can still replay it.
      logger.error({ ...context, storeError, event }, 'event handler failed and the dead letter could not be stored');
    }
  }

  function enqueue(subscription: Subscription, event: DomainEvent): void {
    const { lanes, consumer } = subscription;
    pending++;
    const previous = lanes.get(event.aggregateId) ?? startedSignal;
    // deliver() never rejects (failures end in a dead letter), so the chain never breaks.
    const tail: Promise<void> = previous
      .then(() => deliver(consumer, event))
      .catch((error: unknown) => logger.error({ err: error, consumer: consumer.name, eventId: event.id }, 'event delivery crashed'))
      .finally(() => {
        if (lanes.get(event.aggregateId) === tail) lanes.delete(event.aggregateId);
        pending--;
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

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** Hands out at most `max` slots; a released slot goes straight to the longest waiter. */
export function createLimiter(max: number): { acquire(): Promise<void>; release(): void } {
  if (!Number.isInteger(max) || max < 1) throw new Error('concurrency must be an integer >= 1');
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    acquire() {
      if (active < max) {
        active++;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    release() {
      const next = waiting.shift();
      if (next) next();
      else active--;
    },
  };
}
