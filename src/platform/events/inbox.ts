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
