import type { Compilable, QueryCreator, Transaction } from 'kysely';
import type { Clock } from '../clock.ts';
import { inTransaction, pgErrorCode, type AnyDb, type Database } from '../db/database.ts';
import type { Emit, NewEvent } from './event.ts';
import { appendToOutbox, outboxRows } from './outbox.ts';

/** The transaction a use case writes through (repositories take it as their executor). */
export type Tx = Transaction<unknown> & AnyDb;

/**
 * Runs `work` in one transaction and writes the events it emits to the outbox in that same transaction
 * (in emit order), then wakes the relay once it committed. A deadlock or serialization failure runs
 * the whole of `work` again (see inTransaction), so `work` only touches the database.
 */
export interface Transact {
  <T>(work: (tx: Tx, emit: Emit) => Promise<T>): Promise<T>;
  /**
   * The fast path of a use case whose whole write is one data-modifying statement (an INSERT, say): the
   * statement `write` builds and the outbox rows of `events` go to the database as ONE statement,
   * `WITH write AS (<write>) INSERT INTO platform.outbox ...`, which PostgreSQL runs as its own transaction:
   * one round trip instead of BEGIN, the write, the outbox insert and COMMIT, with the same guarantee (both
   * commit or neither; a failing write, e.g. a constraint, writes no event). Then the relay is woken.
   * Anything the write must do first (a lock) goes inside the statement (decision 0030). It runs as a pinned
   * prepared statement (Database.prepared): `write` must build one text whatever its values (decision 0034).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  oneStatement(write: (db: QueryCreator<any>) => Compilable, events: readonly [NewEvent, ...NewEvent[]]): Promise<void>;
}

/** SQLSTATEs after which a statement is simply run again (as inTransaction does with a transaction). */
const TRANSIENT = new Set(['40P01', '40001']);

export function createTransact(deps: { database: Database; clock: Clock; eventsCommitted: (events: readonly NewEvent[]) => void }): Transact {
  async function oneStatement(write: (db: QueryCreator<unknown>) => Compilable, events: readonly NewEvent[]): Promise<void> {
    const { rows } = outboxRows(events, deps.clock);
    for (let attempt = 1; ; attempt++) {
      try {
        // Pinned prepared statement: a use case builds one text for its write, planned once per connection.
        const statement = deps.database.db
          .with('write', (db) => write(db) as never)
          .insertInto('platform.outbox')
          .values(rows)
          .compile();
        await deps.database.prepared(statement, { pinned: true });
        break;
      } catch (error) {
        if (attempt >= 4 || !TRANSIENT.has(pgErrorCode(error) ?? '')) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
    deps.eventsCommitted(events);
  }
  async function transact<T>(work: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> {
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
  }
  return Object.assign(transact, { oneStatement }) as Transact;
}
