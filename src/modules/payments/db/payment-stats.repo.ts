import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { kstBucket } from '../../../platform/db/stats-buckets.ts';
import type { StatsRange } from '../../../platform/stats-range.ts';
import { CAPTURED } from '../domain/payment-state.ts';
import type { PaymentRow } from './payments.repo.ts';
import { q } from './tables.ts';

// The back office's reads of payments: money per KST bucket, a payer's latest payments.

/** Approved amounts of captured payments (DONE, PARTIAL_CANCELED, CANCELED) per bucket of their approval. */
export async function approvedPerBucket(db: Executor, range: StatsRange): Promise<{ start: Date; amount: number }[]> {
  const rows = await q(db)
    .selectFrom('payments.payments')
    .select([kstBucket(range.granularity, 'approved_at').as('start'), sql<string | number>`sum(amount)::bigint`.as('amount')])
    .where('status', 'in', [...CAPTURED])
    .where('approved_at', '>=', range.from)
    .where('approved_at', '<', range.to)
    .groupBy(sql`1`)
    .execute();
  return rows.map((row) => ({ start: new Date(row.start), amount: Number(row.amount) }));
}

/** Refunded amounts per bucket of the refund (each entry of a payment's cancels, at its own time). */
export async function refundedPerBucket(db: Executor, range: StatsRange): Promise<{ start: Date; amount: number }[]> {
  const at = sql<Date>`c.at`;
  const result = await sql<{ start: Date; amount: string | number }>`
    SELECT ${kstBucket(range.granularity, at)} AS start, sum(c.amount)::bigint AS amount
    FROM (
      SELECT (entry->>'at')::timestamptz AS at, (entry->>'amount')::bigint AS amount
      FROM payments.payments, jsonb_array_elements(cancels) AS entry
      WHERE jsonb_array_length(cancels) > 0
    ) AS c
    WHERE c.at >= ${range.from} AND c.at < ${range.to}
    GROUP BY 1`.execute(db);
  return result.rows.map((row) => ({ start: new Date(row.start), amount: Number(row.amount) }));
}

/** The payer's latest payments, newest created first. */
export function latestOfPayer(db: Executor, guardianId: string, limit: number): Promise<PaymentRow[]> {
  return q(db)
    .selectFrom('payments.payments')
    .selectAll()
    .where('guardian_id', '=', guardianId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
