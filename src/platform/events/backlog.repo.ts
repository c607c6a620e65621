import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

// What /metrics reports of the event tables at each scrape: cheap queries (the outbox's pending rows
// are indexed; dead letters are few and pruned by retention).

export interface EventBacklog {
  /** Outbox rows not yet published. */
  readonly pending: number;
  /** Seconds since the oldest pending row's event occurred; 0 when none is pending. */
  readonly oldestAgeSeconds: number;
  /** Rows in platform.dead_letters. */
  readonly deadLetters: number;
}

export async function readEventBacklog(db: Executor): Promise<EventBacklog> {
  const { rows } = await sql<{ pending: number; age: number | null; dead: number }>`
    SELECT
      (SELECT count(*)::int FROM platform.outbox WHERE published_at IS NULL) AS pending,
      (SELECT extract(epoch FROM now() - min(occurred_at))::float8 FROM platform.outbox WHERE published_at IS NULL) AS age,
      (SELECT count(*)::int FROM platform.dead_letters) AS dead`.execute(db);
  const row = rows[0];
  return { pending: row?.pending ?? 0, oldestAgeSeconds: Math.max(0, row?.age ?? 0), deadLetters: row?.dead ?? 0 };
}
