import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { DomainEvent, EventConsumer } from './event.ts';

/** Parks an event its consumer could not handle in platform.dead_letters (or, failing that, the log). */
export async function storeDeadLetter(
  deps: { database: Database; logger: Logger; clock: Clock },
  consumer: EventConsumer,
  event: DomainEvent,
  error: unknown,
  attempts: number,
): Promise<void> {
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
    deps.logger.error(context, 'event handler failed after every retry; event dead-lettered');
  } catch (storeError) {
    // Last resort: the event itself goes to the log so an operator can still replay it.
    deps.logger.error({ ...context, storeError, event }, 'event handler failed and the dead letter could not be stored');
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
