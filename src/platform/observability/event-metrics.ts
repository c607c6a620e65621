import { Counter, Gauge, type Registry } from 'prom-client';
import { oncePerRegistry } from './shared.ts';

// The event bus's metrics, the same names on the in-process bus and on Kafka, so dashboards and alerts
// do not care which one runs. Lag: Kafka's consumer-group lag per partition; in process, the events a
// consumer has accepted and not yet handled (topic "memory", partition "0").

export interface EventMetrics {
  /** Events committed to the outbox, with the state change that caused them (business transitions by type). */
  readonly emitted: Counter<'type'>;
  /** Events the bus accepted (the outbox relay publishes them). */
  readonly published: Counter<'type'>;
  /** Deliveries that ended handled or duplicate. */
  readonly consumed: Counter<'group' | 'type' | 'outcome'>;
  /** Deliveries that ended in a dead letter. */
  readonly deadLettered: Counter<'group' | 'topic'>;
  readonly lag: Gauge<'group' | 'topic' | 'partition'>;
}

export function eventMetrics(registry: Registry | undefined): EventMetrics {
  return oncePerRegistry(registry, 'events', (registers) => ({
    emitted: new Counter({ name: 'events_emitted_total', help: 'Domain events committed to the outbox, by type', labelNames: ['type'] as const, registers }),
    published: new Counter({ name: 'events_published_total', help: 'Events published to the bus (in process or Kafka)', labelNames: ['type'] as const, registers }),
    consumed: new Counter({
      name: 'events_consumed_total',
      help: 'Events handled by consumers (outcome handled or duplicate)',
      labelNames: ['group', 'type', 'outcome'] as const,
      registers,
    }),
    deadLettered: new Counter({
      name: 'events_dead_lettered_total',
      help: 'Events a consumer could not handle, parked as dead letters',
      labelNames: ['group', 'topic'] as const,
      registers,
    }),
    lag: new Gauge({
      name: 'events_consumer_lag',
      help: 'Events not yet consumed, per consumer group and partition (in process: accepted, not yet handled)',
      labelNames: ['group', 'topic', 'partition'] as const,
      registers,
    }),
  }));
}
