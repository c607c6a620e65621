import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { EventBus } from './bus.ts';
import { createMemoryBus, type RetryPolicy } from './memory-bus.ts';

export type { EventBus } from './bus.ts';
export type { DomainEvent, EventConsumer, NewEvent } from './event.ts';
export { assertEventType, isEventType } from './event.ts';
export { runIdempotently } from './inbox.ts';
export { createMemoryBus, DEFAULT_RETRY, type MemoryBus, type MemoryBusOptions, type RetryPolicy } from './memory-bus.ts';
export { appendToOutbox } from './outbox.ts';
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './relay.ts';

export interface EventBusDeps {
  readonly database: Database;
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly retry?: RetryPolicy;
}

/** The bus the configuration asks for: in memory without KAFKA_BROKERS. */
export function createEventBus(config: Pick<Config, 'kafkaBrokers'>, deps: EventBusDeps): EventBus {
  if (config.kafkaBrokers.length > 0) {
    // Refusing beats silently running in memory: with several replicas each would see only its own events.
    throw new Error(
      `KAFKA_BROKERS is set (${config.kafkaBrokers.join(', ')}) but the Kafka event bus is not implemented yet; ` +
        'it arrives with the events issue. Unset KAFKA_BROKERS to use the in-process bus.',
    );
  }
  return createMemoryBus(deps);
}
