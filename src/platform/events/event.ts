import type { Executor } from '../db/database.ts';

// The shapes every module shares for domain events. An event is a fact that already happened and
// committed; it travels outbox -> relay -> bus -> consumers, at least once, so consumers must be
// idempotent (see inbox.ts).

export interface DomainEvent<P = unknown> {
  readonly id: string;
  /** `<aggregate>.<verb>.v<N>`, e.g. 'caregiver.approved.v1'; with Kafka it is also the topic name. */
  readonly type: string;
  /** Ordering key: one aggregate's events reach each consumer in the order they were written. */
  readonly aggregateId: string;
  /** ISO 8601 instant, from the clock of the use case that wrote the event. */
  readonly occurredAt: string;
  /** Plain JSON: it is stored as jsonb and (later) serialised onto Kafka. */
  readonly payload: P;
}

export interface NewEvent<P = unknown> {
  readonly type: string;
  readonly aggregateId: string;
  readonly payload: P;
}

export interface EventConsumer {
  /**
   * Stable name: the inbox key (renaming it re-handles every event) and, with Kafka, the consumer
   * group id. Use `<module>.<purpose>`, e.g. 'notifications.caregiver-approved'.
   */
  readonly name: string;
  readonly types: readonly string[];
  /**
   * Runs inside the transaction that records the event in the inbox: write only through `tx`
   * (on PGlite the outer handle would deadlock), and throw to have the delivery retried.
   */
  handle(event: DomainEvent, tx: Executor): Promise<void>;
}

// Three dot-separated parts, so a type maps to exactly one Kafka topic name ([a-z0-9._] is legal
// there). A breaking payload change gets a new version, and both can be consumed during a migration.
const EVENT_TYPE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.v[1-9][0-9]*$/;

export function isEventType(type: string): boolean {
  return EVENT_TYPE.test(type);
}

export function assertEventType(type: string): void {
  if (!isEventType(type)) {
    throw new Error(`event type must look like <aggregate>.<verb>.v<N>, e.g. caregiver.approved.v1 (got "${type}")`);
  }
}
