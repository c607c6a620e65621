import type { Database } from '../db/database.ts';
import type { DomainEvent, EventConsumer } from './event.ts';

/**
 * Handles `event` for `consumer` at most once, however often it is delivered. The inbox row and the
 * handler's writes share one transaction: a throw rolls back both, so the next delivery runs again.
 * On PostgreSQL a concurrent duplicate waits on the uncommitted inbox row, then sees it and skips.
 */
export function runIdempotently(
  database: Database,
  consumer: EventConsumer,
  event: DomainEvent,
): Promise<'handled' | 'duplicate'> {
  return database.db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('platform.inbox')
      .values({ consumer: consumer.name, event_id: event.id })
      .onConflict((conflict) => conflict.columns(['consumer', 'event_id']).doNothing())
      .returning('event_id')
      .executeTakeFirst();
    if (inserted === undefined) return 'duplicate';
    await consumer.handle(event, tx);
    return 'handled';
  });
}
