import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Database, Executor } from '../db/database.ts';
import { createPoller } from '../poller.ts';
import type { EventBus } from './bus.ts';
import type { DomainEvent } from './event.ts';

// Moves committed outbox rows to the bus, in `seq` order, at least once: a row is marked published
// only after the bus accepted it, so a crash in between publishes it again (consumers' inboxes
// absorb that). It is a platform poller: its timer picks up anything left over, and `kick()` (called by
// platform.transact after a commit that wrote events) makes the common path fast.

export interface OutboxRelayOptions {
  readonly database: Database;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly intervalMs?: number;
  readonly batchSize?: number;
  readonly metrics?: Registry;
}

export interface OutboxRelay {
  /** Publishes every pending row, batch by batch; resolves with how many were published. */
  flush(): Promise<number>;
  /** Asks for a flush soon; platform.transact calls it after committing events. Never throws. */
  kick(): void;
  /** Stops the timer and waits for a flush in progress. */
  stop(): Promise<void>;
}

// Only one relay publishes at a time, across replicas. Row locks alone (SKIP LOCKED) would keep two
// relays off the same rows, but the second would publish the next batch while the first is still
// publishing its own, so an aggregate's later events could overtake its earlier ones.
const RELAY_LOCK = 727_002;

interface OutboxRow {
  seq: number;
  id: string;
  type: string;
  aggregate_id: string;
  payload: unknown;
  occurred_at: Date | string;
}

export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { database, bus, logger } = options;
  const intervalMs = options.intervalMs ?? 200;
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be an integer >= 1');

  let stopped = false;
  // True when a commit (kick) or a caller (flush) said there is work: the run goes straight to the batch.
  // A timer run without one first asks whether anything is pending: one cheap statement when idle instead
  // of a transaction of four, every interval (decision 0030).
  let hinted = false;

  /** One batch in one transaction; returns rows published, or -1 when publishing failed. */
  function publishBatch(): Promise<number> {
    return database.db.transaction().execute(async (tx) => {
      // The lock is an uncorrelated subquery, so PostgreSQL takes it once, before reading any row (a
      // one-time filter); when another replica holds it no row comes back: the pending rows are its job.
      const rows = await sql<OutboxRow>`
        SELECT seq, id, type, aggregate_id, payload, occurred_at FROM platform.outbox
        WHERE (SELECT pg_try_advisory_xact_lock(${sql.lit(RELAY_LOCK)})) AND published_at IS NULL
        ORDER BY seq LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`.execute(tx);
      if (rows.rows.length === 0) return 0;
      const seqs = rows.rows.map((row) => row.seq);
      try {
        await bus.publish(rows.rows.map(toEvent));
      } catch (error) {
        await recordFailure(tx, seqs, error);
        logger.error({ err: error, firstSeq: seqs[0], count: seqs.length }, 'outbox relay could not publish; will retry');
        return -1;
      }
      await tx
        .updateTable('platform.outbox')
        .set({ published_at: sql`now()` })
        .where('seq', 'in', seqs)
        .execute();
      return seqs.length;
    });
  }

  async function anyPending(): Promise<boolean> {
    const found = await sql`SELECT 1 FROM platform.outbox WHERE published_at IS NULL LIMIT 1`.execute(database.db);
    return found.rows.length > 0;
  }

  async function drain(): Promise<number> {
    const wasHinted = hinted;
    hinted = false; // a kick from now on asks for the next run
    if (!wasHinted && !(await anyPending())) return 0;
    let total = 0;
    for (;;) {
      const published = await publishBatch();
      if (published > 0) total += published;
      // A short batch means nothing is left; a failure stops here so later rows never overtake;
      // once stopped, a long backlog is left for the next process rather than delaying shutdown.
      if (published < batchSize || stopped) break;
    }
    return total;
  }

  const poller = createPoller({ name: 'outbox-relay', intervalMs, runOnce: drain }, { logger, ...(options.metrics ? { metrics: options.metrics } : {}) });
  poller.start();
  return {
    flush() {
      hinted = true;
      return poller.runNow();
    },
    kick() {
      hinted = true;
      poller.kick();
    },
    async stop() {
      stopped = true;
      await poller.stop();
    },
  };
}

function toEvent(row: OutboxRow): DomainEvent {
  return {
    id: row.id,
    type: row.type,
    aggregateId: row.aggregate_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    payload: row.payload,
  };
}

// Written in the batch's transaction, which then commits: the rows stay pending, in order.
async function recordFailure(tx: Executor, seqs: readonly number[], error: unknown): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await tx
    .updateTable('platform.outbox')
    .set({ attempts: sql`attempts + 1`, last_error: message.slice(0, 2000) })
    .where('seq', 'in', seqs)
    .execute();
}
