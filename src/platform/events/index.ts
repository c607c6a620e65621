import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { EventBus } from './bus.ts';
import type { Registry } from 'prom-client';
import { createMemoryBus } from './memory-bus.ts';
import type { RetryPolicy } from './delivery.ts';
import type { NewEvent } from './event.ts';

export type { EventBus } from './bus.ts';
export type { DomainEvent, Emit, EventConsumer, EventDefinition, EventOf, NewEvent, PayloadOf } from './event.ts';
export { assertEventType, defineConsumer, defineEvent, isEventType } from './event.ts';
export { handleOnce, UnhandleableEventError } from './inbox.ts';
export { DEFAULT_RETRY, type RetryPolicy } from './delivery.ts';
// The Kafka client (@platformatic/kafka: ~1.6 s and ~40 MB to import) is loaded only when KAFKA_BROKERS asks for it.
export type { KafkaBus, KafkaBusOptions } from './kafka-bus.ts';
export { createMemoryBus, type MemoryBus, type MemoryBusOptions } from './memory-bus.ts';
export { appendToOutbox } from './outbox.ts';
export { createTransact, type Transact, type Tx } from './transact.ts';
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './relay.ts';

export interface EventBusDeps {
  readonly database: Database;
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly retry?: RetryPolicy;
  /** Where the Kafka bus registers its metrics. */
  readonly metricsRegistry?: Registry;
  /** Called after a handler committed events it emitted (wakes the outbox relay). */
  readonly eventsCommitted?: (events: readonly NewEvent[]) => void;
}

/** The bus the configuration asks for: Kafka with KAFKA_BROKERS, otherwise in memory. */
export async function createEventBus(config: Pick<Config, 'kafkaBrokers'> & Partial<Pick<Config, 'kafkaTopicPrefix'>>, deps: EventBusDeps): Promise<EventBus> {
  if (config.kafkaBrokers.length > 0) {
    const { createKafkaBus } = await import('./kafka-bus.ts');
    return createKafkaBus({ ...deps, brokers: config.kafkaBrokers, namespace: config.kafkaTopicPrefix ?? '' });
  }
  return createMemoryBus(deps);
}
