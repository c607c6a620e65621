import type { Transaction } from 'kysely';
import type { Clock } from '../clock.ts';
import { inTransaction, type AnyDb, type Database } from '../db/database.ts';
import type { Emit, NewEvent } from './event.ts';
import { appendToOutbox } from './outbox.ts';

/** The transaction a use case writes through (repositories take it as their executor). */
export type Tx = Transaction<unknown> & AnyDb;

/**
 * Runs `work` in one transaction and writes the events it emits to the outbox in that same transaction
 * (in emit order), then wakes the relay once it committed. A deadlock or serialization failure runs
 * the whole of `work` again (see inTransaction), so `work` only touches the database.
 */
export type Transact = <T>(work: (tx: Tx, emit: Emit) => Promise<T>) => Promise<T>;

export function createTransact(deps: { database: Database; clock: Clock; eventsCommitted: (events: readonly NewEvent[]) => void }): Transact {
  return async function transact<T>(work: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> {
    let written: readonly NewEvent[] = [];
    const result = await inTransaction(deps.database.db, async (tx) => {
      const pending: NewEvent[] = [];
      let open = true;
      const value = await work(tx, (...events) => {
        // An emit after the work resolved would be lost silently (a missing await): make it loud.
        if (!open) throw new Error('an event was emitted after its transaction ended');
        pending.push(...events);
      });
      open = false;
      written = (await appendToOutbox(tx, pending, deps.clock)).length > 0 ? pending : [];
      return value;
    });
    if (written.length > 0) deps.eventsCommitted(written);
    return result;
  };
}
