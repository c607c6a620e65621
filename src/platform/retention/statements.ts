import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../db/database.ts';

// Helpers for retention rules' SQL (each module's rules live in its db/retention.repo.ts).

/** Runs `WITH d AS (<DELETE|UPDATE ... RETURNING 1>) SELECT count(*)` and answers the count (PGlite and pg alike). */
export async function affected(db: AnyDb, statement: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ n: number }>`WITH d AS (${statement}) SELECT count(*)::int AS n FROM d`.execute(db);
  return rows[0]?.n ?? 0;
}

/** The first value of a one-column query, as a Date (undefined when there is no row or it is NULL). */
export async function firstDate(db: AnyDb, query: RawBuilder<{ at: Date | null }>): Promise<Date | undefined> {
  const { rows } = await query.execute(db);
  return rows[0]?.at ?? undefined;
}
