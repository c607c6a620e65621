import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { PageRequest } from '../paging.ts';
import type { Executor } from './database.ts';

// What every repository shares: its typed view of the platform's handle, and newest-first keyset paging.

/**
 * The shared handle (or a transaction on it) typed with a module's own tables. The platform's handle is
 * untyped because it knows no module; each repository names its tables once: `const q = typed<MyTables>;`.
 */
export function typed<Tables>(db: Executor): Kysely<Tables> {
  return db as Kysely<Tables>;
}

/**
 * A newest-first page of a one-table query: ordered by (created_at, id) descending, after the cursor's
 * position, `limit` + 1 rows so toCreatedAtPage can tell whether more follow. The row comparison lets
 * PostgreSQL walk a (…, created_at, id) index from the cursor on.
 */
export function newestFirst<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, page: PageRequest): SelectQueryBuilder<DB, TB, O> {
  const { after } = page;
  const rest = after ? query.where(sql<boolean>`(created_at, id) < (${after.createdAt}, ${after.id}::uuid)`) : query;
  return rest.orderBy(sql`created_at`, 'desc').orderBy(sql`id`, 'desc').limit(page.limit + 1);
}

/**
 * The oldest due rows of a work table (`next_attempt_at <= now`), locked for this transaction and skipped
 * by other workers (FOR UPDATE SKIP LOCKED), so replicas split the work without waiting on each other.
 */
export function dueFirst<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, now: Date, limit: number): SelectQueryBuilder<DB, TB, O> {
  return query.where(sql<boolean>`next_attempt_at <= ${now}`).orderBy(sql`next_attempt_at`).limit(limit).forUpdate().skipLocked();
}
