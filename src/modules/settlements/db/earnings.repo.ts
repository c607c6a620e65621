import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { kstBucket } from '../../../platform/db/stats-buckets.ts';
import type { Granularity } from '../../../platform/stats-range.ts';
import type { Period } from '../domain/period.ts';
import { hasFinishedLine, q } from './tables.ts';

// Earnings and statistics reads: a caregiver's summary, commission by KST bucket.

/** A caregiver user's finished reservations (optionally only in a period, or only unsettled) with paid - refunded over all entries. */
export async function finishedAmounts(
  db: Executor,
  caregiverUserId: string,
  options: { period?: Period; unsettledOnly?: boolean },
): Promise<Array<{ reservationId: string; amount: number }>> {
  let query = q(db)
    .selectFrom('settlements.finished_reservations as fr')
    .select('fr.reservation_id')
    .select(
      sql<number>`COALESCE((SELECT SUM(CASE WHEN e.kind = 'PAYMENT' THEN e.amount ELSE -e.amount END) FROM settlements.entries e WHERE e.reservation_id = fr.reservation_id), 0)`.as(
        'amount',
      ),
    )
    .where('fr.caregiver_user_id', '=', caregiverUserId);
  if (options.period) query = query.where('fr.finished_at', '>=', options.period.start).where('fr.finished_at', '<', options.period.end);
  if (options.unsettledOnly) query = query.where((eb) => eb.not(hasFinishedLine));
  return (await query.execute()).map((row) => ({ reservationId: row.reservation_id, amount: Number(row.amount) }));
}

/** Net totals and counts of a caregiver user's settlements by status. */
export async function totalsByStatus(db: Executor, caregiverUserId: string): Promise<Record<'PENDING' | 'PAID', { netAmount: number; count: number }>> {
  const rows = await q(db)
    .selectFrom('settlements.settlements')
    .select(['status', sql<number>`COALESCE(SUM(net_amount), 0)`.as('net'), sql<number>`COUNT(*)`.as('count')])
    .where('caregiver_user_id', '=', caregiverUserId)
    .groupBy('status')
    .execute();
  const totals = { PENDING: { netAmount: 0, count: 0 }, PAID: { netAmount: 0, count: 0 } };
  for (const row of rows) totals[row.status] = { netAmount: Number(row.net), count: Number(row.count) };
  return totals;
}

/** Σ line commissions by the KST bucket of the reservation's finish, over [from, to). */
export async function commissionByBucket(db: Executor, range: { from: Date; to: Date; granularity: Granularity }): Promise<Array<{ start: Date; commissionAmount: number }>> {
  const bucket = kstBucket(range.granularity, 'finished_at');
  const rows = await q(db)
    .selectFrom('settlements.lines')
    .select([bucket.as('start'), sql<number>`SUM(commission_amount)`.as('commission')])
    .where('finished_at', '>=', range.from)
    .where('finished_at', '<', range.to)
    .groupBy(bucket)
    .execute();
  return rows.map((row) => ({ start: new Date(row.start), commissionAmount: Number(row.commission) }));
}
