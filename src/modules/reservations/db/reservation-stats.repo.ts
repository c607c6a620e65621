import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { kstBucket } from '../../../platform/db/stats-buckets.ts';
import type { StatsRange } from '../../../platform/stats-range.ts';
import type { ReservationStatus } from '../contract.ts';
import { COLUMNS, q, type ReservationRow } from './reservations.repo.ts';

// The back office's reads of reservations: statistics per KST bucket, a user's latest reservations.

/** Reservations created in the range per (bucket, current status); only pairs with at least one. */
export async function createdPerBucket(db: Executor, range: StatsRange): Promise<{ start: Date; status: ReservationStatus; count: number }[]> {
  const rows = await q(db)
    .selectFrom('reservations.reservations')
    .select([kstBucket(range.granularity, 'created_at').as('start'), 'status', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .groupBy([sql`1`, sql`2`])
    .execute();
  return rows.map((row) => ({ start: new Date(row.start), status: row.status, count: Number(row.count) }));
}

/** Distinct caregivers (profile ids) with a reservation in `statuses` starting in the range, per bucket. */
export async function activeCaregiversPerBucket(db: Executor, range: StatsRange, statuses: readonly ReservationStatus[]): Promise<{ start: Date; count: number }[]> {
  const rows = await q(db)
    .selectFrom('reservations.reservations')
    .select([kstBucket(range.granularity, 'start_at').as('start'), sql<string | number>`count(DISTINCT caregiver_id)`.as('count')])
    .where('start_at', '>=', range.from)
    .where('start_at', '<', range.to)
    .where('status', 'in', [...statuses])
    .groupBy(sql`1`)
    .execute();
  return rows.map((row) => ({ start: new Date(row.start), count: Number(row.count) }));
}

/** Distinct caregivers with a reservation in `statuses` starting in [from, to). */
export async function countActiveCaregivers(db: Executor, from: Date, to: Date, statuses: readonly ReservationStatus[]): Promise<number> {
  const row = await q(db)
    .selectFrom('reservations.reservations')
    .select(sql<string | number>`count(DISTINCT caregiver_id)`.as('count'))
    .where('start_at', '>=', from)
    .where('start_at', '<', to)
    .where('status', 'in', [...statuses])
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The user's latest reservations as guardian or caregiver, newest created first. */
export function latestOfUser(db: Executor, userId: string, limit: number): Promise<ReservationRow[]> {
  return q(db)
    .selectFrom('reservations.reservations')
    .select(COLUMNS)
    .where((eb) => eb.or([eb('guardian_id', '=', userId), eb('caregiver_user_id', '=', userId)]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
