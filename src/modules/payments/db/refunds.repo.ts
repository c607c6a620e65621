import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { q, type RefundsTable } from './tables.ts';

// SQL about refunds: requested by the saga consumers (in their event's transaction), carried out by the
// refund worker (claim, call the provider outside any transaction, record).

export type RefundRow = Selectable<RefundsTable>;

/** Asks for a refund once per (reservation, reason): a second request (a redelivered event) changes nothing. */
export async function requestRefund(db: Executor, row: RefundRow): Promise<boolean> {
  const result = await q(db)
    .insertInto('payments.refunds')
    .values(row)
    .onConflict((oc) => oc.columns(['reservation_id', 'reason']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Ids of PENDING refunds due now (or all PENDING ones with `includeLeased`, after a restart). */
export async function listDueRefunds(db: Executor, now: Date, limit: number, includeLeased = false): Promise<string[]> {
  let query = q(db).selectFrom('payments.refunds').select('id').where('status', '=', 'PENDING');
  if (!includeLeased) query = query.where('next_attempt_at', '<=', now);
  const rows = await query.orderBy('next_attempt_at').limit(limit).execute();
  return rows.map((row) => row.id);
}

/**
 * Takes a PENDING refund for one attempt: counts it and pushes its next attempt `leaseMs` away, so other
 * workers leave it alone while the provider call runs. A process that dies mid-call leaves it PENDING;
 * the lease runs out (or the next start sweeps it) and the same Idempotency-Key is sent again.
 */
export function claimRefund(db: Executor, id: string, now: Date, leaseMs: number, ignoreLease: boolean): Promise<RefundRow | undefined> {
  let query = q(db)
    .updateTable('payments.refunds')
    .set({ attempts: sql<number>`attempts + 1`, next_attempt_at: new Date(now.getTime() + leaseMs) })
    .where('id', '=', id)
    .where('status', '=', 'PENDING');
  if (!ignoreLease) query = query.where('next_attempt_at', '<=', now);
  return query.returningAll().executeTakeFirst();
}

/** Moves a PENDING refund on (DONE, SKIPPED, FAILED, or a later retry). False when it was not PENDING any more. */
export async function updatePendingRefund(db: Executor, id: string, changes: Partial<Omit<RefundRow, 'id'>>): Promise<boolean> {
  const result = await q(db)
    .updateTable('payments.refunds')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'PENDING')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findRefundsOfPayment(db: Executor, paymentId: string): Promise<RefundRow[]> {
  return q(db).selectFrom('payments.refunds').selectAll().where('payment_id', '=', paymentId).orderBy('created_at').execute();
}
