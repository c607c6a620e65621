import type { DomainEvent, EventConsumer } from './event.ts';

// The seam between the outbox relay and consumers. Shaped after Kafka so the later Kafka bus fits:
// event type = topic, aggregate id = message key (one aggregate's events stay ordered), consumer
// name = consumer group, delivery at least once. The memory bus keeps those same guarantees in process.
export interface EventBus {
  readonly kind: 'memory' | 'kafka';
  /** Resolves once the bus has accepted the events (Kafka: acked); handling happens later. */
  publish(events: readonly DomainEvent[]): Promise<void>;
  /** Before `start()` only, as with a Kafka consumer group. */
  subscribe(consumer: EventConsumer): void;
  /** Begins delivering to the subscribed consumers. */
  start(): Promise<void>;
  ping(): Promise<void>;
  /** Stops accepting events and lets deliveries in progress finish. */
  close(): Promise<void>;
}
