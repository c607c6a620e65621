import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { DomainEvent, EventConsumer, NewEvent } from './event.ts';
import { handleBatchOnce, handleOnce, UnhandleableEventError } from './inbox.ts';

// One delivery loop for both buses: the event through the consumer's inbox, retried with backoff, then
// parked in platform.dead_letters (Kafka also copies it to `<topic>.dlq`). An event that fails its
// consumer's declaration is parked at once with the reason: retrying cannot make it fit.

export interface RetryPolicy {
  /** Deliveries in all, the first included. */
  readonly attempts: number;
  /** Wait before the second delivery; doubles each time after. */
  readonly baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 100 };

export function checkRetryPolicy(retry: RetryPolicy): RetryPolicy {
  if (!Number.isInteger(retry.attempts) || retry.attempts < 1) throw new Error('retry.attempts must be an integer >= 1');
  if (!(retry.baseDelayMs >= 0)) throw new Error('retry.baseDelayMs must be >= 0');
  return retry;
}

export interface DeliveryDeps {
  readonly database: Database;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly retry: RetryPolicy;
  /** Bounds handler transactions running at once, so consumers cannot take every pool connection. */
  readonly slots: Limiter;
  /** Called after a handler committed events it emitted (wakes the outbox relay). */
  readonly eventsCommitted?: (events: readonly NewEvent[]) => void;
}

export type DeliveryOutcome = 'handled' | 'duplicate' | { readonly deadLettered: unknown; readonly attempts: number };

/**
 * Delivers one event to one consumer until it is handled or dead-lettered. When `abandon()` turns true
 * between attempts (the bus is closing), the last error is thrown instead: the event stays undelivered,
 * and Kafka redelivers it after the restart.
 */
export async function deliver(
  deps: DeliveryDeps,
  consumer: EventConsumer,
  event: DomainEvent,
  abandon: () => boolean = () => false,
): Promise<DeliveryOutcome> {
  const { logger, retry, slots } = deps;
  for (let attempt = 1; ; attempt++) {
    await slots.acquire();
    try {
      // Each delivery gets its own copy, as it would deserialise its own from Kafka.
      return await handleOnce(deps, consumer, structuredClone(event));
    } catch (error) {
      const unhandleable = error instanceof UnhandleableEventError;
      if (unhandleable || attempt >= retry.attempts || abandon()) {
        if (abandon() && !unhandleable) throw error;
        await storeDeadLetter(deps, consumer, event, error, attempt);
        return { deadLettered: error, attempts: attempt };
      }
      logger.warn({ err: error, consumer: consumer.name, eventId: event.id, type: event.type, attempt }, 'event handler failed, will retry');
    } finally {
      slots.release();
    }
    await sleep(retry.baseDelayMs * 2 ** (attempt - 1));
  }
}

/**
 * Delivers several events to one consumer (as the bus received them), handling them in one inbox
 * transaction when it can: the consumer declares `batch` (its only effects are writes through `tx`) and
 * every event fits its declaration.
 * When that transaction fails it is rolled back whole, and the events are delivered one by one with
 * deliver(): each aggregate's events in order, aggregates side by side, each event with its own retries
 * and dead letter, exactly as if they had come one at a time. Outcomes are in the order of `events`.
 */
export async function deliverBatch(
  deps: DeliveryDeps,
  consumer: EventConsumer,
  events: readonly DomainEvent[],
  abandon: () => boolean = () => false,
): Promise<DeliveryOutcome[]> {
  if (events.length > 1 && consumer.batch === true && events.every((event) => consumer.problem(event) === undefined)) {
    await deps.slots.acquire();
    try {
      return await handleBatchOnce(deps, consumer, events.map((event) => structuredClone(event)));
    } catch (error) {
      deps.logger.warn({ err: error, consumer: consumer.name, events: events.length }, 'event batch failed; delivering its events one by one');
    } finally {
      deps.slots.release();
    }
  }
  const outcomes = new Map<DomainEvent, DeliveryOutcome>();
  const byAggregate = new Map<string, DomainEvent[]>();
  for (const event of events) byAggregate.set(event.aggregateId, [...(byAggregate.get(event.aggregateId) ?? []), event]);
  await Promise.all(
    [...byAggregate.values()].map(async (lane) => {
      for (const event of lane) outcomes.set(event, await deliver(deps, consumer, event, abandon));
    }),
  );
  return events.map((event) => outcomes.get(event)!);
}

/** Parks an event its consumer could not handle in platform.dead_letters (or, failing that, the log). */
async function storeDeadLetter(deps: DeliveryDeps, consumer: EventConsumer, event: DomainEvent, error: unknown, attempts: number): Promise<void> {
  const context = { err: error, consumer: consumer.name, eventId: event.id, type: event.type, attempts };
  try {
    await deps.database.db
      .insertInto('platform.dead_letters')
      .values({
        consumer: consumer.name,
        event_id: event.id,
        type: event.type,
        event: JSON.stringify(event),
        error: describeError(error),
        failed_at: deps.clock.now(),
      })
      .execute();
    deps.logger.error(context, 'event could not be handled; dead-lettered');
  } catch (storeError) {
    // Last resort: the event itself goes to the log so an operator can still replay it.
    deps.logger.error({ ...context, storeError, event }, 'event could not be handled and the dead letter could not be stored');
  }
}

export function describeError(error: unknown): string {
  if (error instanceof UnhandleableEventError) return `${error.name}: ${error.message}`;
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

export interface Limiter {
  acquire(): Promise<void>;
  release(): void;
}

/** Hands out at most `max` slots; a released slot goes straight to the longest waiter. */
export function createLimiter(max: number): Limiter {
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
