import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../db/database.ts';
import type { RetentionRule } from './retention.ts';

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

/**
 * The common rule: rows whose `at` column is older than the cutoff (and that match `where`, when given) go, a
 * batch at a time picked by `keys` (the primary key columns) in `at` order, skipping rows someone holds; the
 * DELETE checks `where` again on the rows it locked. Names and conditions are the rule's own constants, never input.
 */
export function deleteOlderThan(table: string, keys: string, at: string, where?: string): Pick<RetentionRule, 'prune' | 'oldest'> {
  const [t, k, c] = [sql.raw(table), sql.raw(keys), sql.raw(at)];
  const also = where ? sql.raw(` AND (${where})`) : sql.raw('');
  return {
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`DELETE FROM ${t} WHERE (${k}) IN (
              SELECT ${k} FROM ${t} WHERE ${c} < ${cutoff}${also} ORDER BY ${c} LIMIT ${limit} FOR UPDATE SKIP LOCKED)${also}
            RETURNING 1`,
      ),
    oldest: (db) => firstDate(db, sql<{ at: Date | null }>`SELECT min(${c}) AS at FROM ${t} WHERE true${also}`),
  };
}
