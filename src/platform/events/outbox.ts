import type { Clock } from '../clock.ts';
import type { Executor } from '../db/database.ts';
import { newId } from '../ids.ts';
import { assertEventType, type DomainEvent, type NewEvent } from './event.ts';

/**
 * Records events in the same transaction as the state change they describe: either both commit or
 * neither does, so no event is lost or invented. Call the relay's `notify()` after the commit.
 */
export async function appendToOutbox(tx: Executor, events: readonly NewEvent[], clock: Clock): Promise<DomainEvent[]> {
  if (events.length === 0) return [];
  const { stored, rows } = outboxRows(events, clock);
  // One statement keeps the rows' seq order equal to the order of `events`.
  await tx.insertInto('platform.outbox').values(rows).execute();
  return stored;
}

/** The outbox rows of `events` (checked, with ids and the time), and the events as consumers will see them. */
export function outboxRows(events: readonly NewEvent[], clock: Clock) {
  const occurredAt = clock.now().toISOString();
  const stored = events.map((event): DomainEvent => {
    assertEventType(event.type);
    if (event.aggregateId === '') throw new Error(`event ${event.type} needs an aggregateId`);
    const json = JSON.stringify(event.payload);
    if (json === undefined) throw new Error(`event ${event.type} payload is not JSON`);
    // Consumers get the payload back from jsonb, so return what they will see (Dates become strings).
    return { id: newId(), type: event.type, aggregateId: event.aggregateId, occurredAt, payload: JSON.parse(json) };
  });
  const rows = stored.map((event) => ({
    id: event.id,
    type: event.type,
    aggregate_id: event.aggregateId,
    // A string, not the object: node-postgres would turn a JS array into a PostgreSQL array.
    payload: JSON.stringify(event.payload),
    occurred_at: event.occurredAt,
  }));
  return { stored, rows };
}
