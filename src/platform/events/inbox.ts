import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { DomainEvent, EventConsumer, NewEvent } from './event.ts';
import { appendToOutbox } from './outbox.ts';

/** An event its consumer can never handle (payload off its schema, a type it does not declare): no retry helps. */
export class UnhandleableEventError extends Error {
  constructor(consumer: string, reason: string) {
    super(`${consumer}: ${reason}`);
    this.name = 'UnhandleableEventError';
  }
}

export interface InboxDeps {
  readonly database: Database;
  readonly clock: Clock;
  /** Called after a handler's transaction committed events it emitted (wakes the outbox relay). */
  readonly eventsCommitted?: (events: readonly NewEvent[]) => void;
}

/**
 * Handles `event` for `consumer` at most once, however often it is delivered. The event is checked
 * against the consumer's declaration first (UnhandleableEventError when it does not fit). The inbox row,
 * the handler's writes and the events it emits share one transaction: a throw rolls back all of them,
 * so the next delivery runs again. On PostgreSQL a concurrent duplicate waits on the uncommitted inbox
 * row, then sees it and skips.
 */
export async function handleOnce(deps: InboxDeps, consumer: EventConsumer, event: DomainEvent): Promise<'handled' | 'duplicate'> {
  const problem = consumer.problem(event);
  if (problem !== undefined) throw new UnhandleableEventError(consumer.name, problem);
  if (consumer.inbox === false) {
    // Writes nothing and is idempotent by nature: no inbox row, no transaction (a repeat is harmless).
    await consumer.handle(event, deps.database.db, () => {
      throw new Error(`${consumer.name} runs without an inbox and may not emit events`);
    });
    return 'handled';
  }
  let emitted: readonly NewEvent[] = [];
  const outcome = await deps.database.db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('platform.inbox')
      .values({ consumer: consumer.name, event_id: event.id })
      .onConflict((conflict) => conflict.columns(['consumer', 'event_id']).doNothing())
      .returning('event_id')
      .executeTakeFirst();
    if (inserted === undefined) return 'duplicate' as const;
    const pending: NewEvent[] = [];
    let open = true;
    await consumer.handle(event, tx, (...events) => {
      if (!open) throw new Error(`${consumer.name} emitted an event after its handler returned`);
      pending.push(...events);
    });
    open = false;
    emitted = (await appendToOutbox(tx, pending, deps.clock)).length > 0 ? pending : [];
    return 'handled' as const;
  });
  if (emitted.length > 0) deps.eventsCommitted?.(emitted);
  return outcome;
}

/**
 * handleOnce for several events of one consumer in ONE transaction (decision 0030): one inbox statement for
 * all of them, then the handler per new event in the given order (already-seen ones are 'duplicate'), then
 * the emitted events. A throw rolls back the whole batch; the caller then delivers the events one by one,
 * so retries and dead letters stay per event. The caller checks each event's fit first (consumer.problem).
 */
export async function handleBatchOnce(deps: InboxDeps, consumer: EventConsumer, events: readonly DomainEvent[]): Promise<('handled' | 'duplicate')[]> {
  if (consumer.inbox === false) {
    // Idempotent by nature, as in handleOnce: no inbox rows, no transaction, no emits.
    const refuse = () => {
      throw new Error(`${consumer.name} runs without an inbox and may not emit events`);
    };
    if (consumer.handleBatch) await consumer.handleBatch(events, deps.database.db, refuse);
    else for (const event of events) await consumer.handle(event, deps.database.db, refuse);
    return events.map(() => 'handled' as const);
  }
  let emitted: readonly NewEvent[] = [];
  const outcomes = await deps.database.db.transaction().execute(async (tx) => {
    // Sorted by id, so two batches sharing events lock their inbox rows in the same order.
    const ids = [...new Set(events.map((event) => event.id))].sort();
    const inserted = await tx
      .insertInto('platform.inbox')
      .values(ids.map((id) => ({ consumer: consumer.name, event_id: id })))
      .onConflict((conflict) => conflict.columns(['consumer', 'event_id']).doNothing())
      .returning('event_id')
      .execute();
    const fresh = new Set(inserted.map((row) => row.event_id));
    const pending: NewEvent[] = [];
    let open = true;
    const emit = (...more: readonly NewEvent[]) => {
      if (!open) throw new Error(`${consumer.name} emitted an event after its handler returned`);
      pending.push(...more);
    };
    const result: ('handled' | 'duplicate')[] = [];
    const toHandle: DomainEvent[] = [];
    for (const event of events) {
      const isNew = fresh.delete(event.id);
      result.push(isNew ? 'handled' : 'duplicate');
      if (isNew) toHandle.push(event);
    }
    if (consumer.handleBatch && toHandle.length > 1) await consumer.handleBatch(toHandle, tx, emit);
    else for (const event of toHandle) await consumer.handle(event, tx, emit);
    open = false;
    emitted = (await appendToOutbox(tx, pending, deps.clock)).length > 0 ? pending : [];
    return result;
  });
  if (emitted.length > 0) deps.eventsCommitted?.(emitted);
  return outcomes;
}
