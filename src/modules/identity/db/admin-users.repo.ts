import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { newestFirst, typed } from '../../../platform/db/repository.ts';
import type { PageRequest } from '../../../platform/paging.ts';
import type { Granularity } from '../../../platform/stats-range.ts';
import type { Role, UserStatus } from '../contract.ts';
import type { IdentityTables, UserChanges, UserRow } from './identity.repo.ts';

// Identity's SQL for the back office: the user list, suspension's guarded update, new accounts per period.

const q = typed<IdentityTables>;

export interface AdminUserFilter {
  /** Substring of the name or email (case-insensitive), already LIKE-escaped by the caller. */
  readonly text?: string | undefined;
  /** Digits to find inside the phone number with its dashes, spaces and + removed. */
  readonly phoneDigits?: string | undefined;
  readonly role?: Role | undefined;
  readonly status?: UserStatus | undefined;
}

/** A newest-first page (limit + 1 rows) of users matching the filter. */
export function listUsersForAdmin(db: Executor, filter: AdminUserFilter, page: PageRequest): Promise<UserRow[]> {
  let query = q(db).selectFrom('identity.users').selectAll();
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.status) query = query.where('status', '=', filter.status);
  const { text, phoneDigits } = filter;
  if (text !== undefined) {
    const pattern = `%${text}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`name`, 'ilike', pattern),
        eb(sql`email::text`, 'ilike', pattern),
        ...(phoneDigits ? [eb(sql`regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')`, 'like', `%${phoneDigits}%`)] : []),
      ]),
    );
  }
  return newestFirst(query, page).execute();
}

/** Applies `changes` only while the user is in `expected` status; undefined when it was not (a race or a repeat). */
export function updateUserInStatus(db: Executor, id: string, expected: UserStatus, changes: UserChanges, at: Date): Promise<UserRow | undefined> {
  return q(db)
    .updateTable('identity.users')
    .set({ ...changes, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', expected)
    .returningAll()
    .executeTakeFirst();
}

/** Accounts created in [from, to) per Seoul-time bucket (only buckets with at least one), oldest first. */
export async function countNewUsers(db: Executor, from: Date, to: Date, granularity: Granularity): Promise<{ start: Date; count: number }[]> {
  const bucket = sql<Date>`(date_trunc(${granularity}, created_at AT TIME ZONE 'Asia/Seoul') AT TIME ZONE 'Asia/Seoul')`;
  const rows = await q(db)
    .selectFrom('identity.users')
    .select([bucket.as('start'), (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((row) => ({ start: new Date(row.start), count: Number(row.count) }));
}
