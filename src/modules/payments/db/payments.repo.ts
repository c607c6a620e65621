import { sql, type Selectable } from 'kysely';
import { isUuid } from '../../../platform/uuid.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { newestFirst } from '../../../platform/db/repository.ts';
import type { AdminListFilter, PageRequest } from '../../../platform/paging.ts';
import { CAPTURED, LIVE, type PaymentCancel, type StoredStatus } from '../domain/payment-state.ts';
import { q, type PaymentsTable } from './tables.ts';

// The only place payments talks SQL about payments and customers (refunds: refunds.repo.ts).

export type PaymentRow = Selectable<PaymentsTable>;
export type PaymentChanges = Partial<Omit<PaymentRow, 'id' | 'cancels'>> & { cancels?: readonly PaymentCancel[] };

export { isUuid };

function encode<T extends { cancels?: readonly PaymentCancel[] }>(row: T) {
  const { cancels, ...rest } = row;
  return { ...rest, ...(cancels !== undefined ? { cancels: JSON.stringify(cancels) } : {}) };
}

// Literals, not parameters: PostgreSQL infers the partial unique index from this predicate.
const LIVE_PREDICATE = sql<boolean>`status IN (${sql.join(LIVE.map((status) => sql.lit(status)))})`;

/** Inserts the payment unless the reservation already has a live one; answers whether it did. */
export async function insertPayment(db: Executor, row: Omit<PaymentRow, 'cancels'> & { cancels: readonly PaymentCancel[] }): Promise<boolean> {
  const result = await q(db)
    .insertInto('payments.payments')
    .values({ ...row, cancels: JSON.stringify(row.cancels) })
    .onConflict((oc) => oc.column('reservation_id').where(LIVE_PREDICATE).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findPaymentById(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<PaymentRow | undefined> {
  if (!isUuid(id)) return undefined; // ids are opaque to clients: a malformed one is simply not found
  let query = q(db).selectFrom('payments.payments').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function findPaymentByOrderId(db: Executor, orderId: string): Promise<PaymentRow | undefined> {
  return q(db).selectFrom('payments.payments').selectAll().where('order_id', '=', orderId).executeTakeFirst();
}

export function findLivePayment(db: Executor, reservationId: string): Promise<PaymentRow | undefined> {
  return q(db)
    .selectFrom('payments.payments')
    .selectAll()
    .where('reservation_id', '=', reservationId)
    .where('status', 'in', [...LIVE])
    .executeTakeFirst();
}

export function listCapturedPayments(db: Executor, reservationId: string): Promise<PaymentRow[]> {
  return q(db)
    .selectFrom('payments.payments')
    .selectAll()
    .where('reservation_id', '=', reservationId)
    .where('status', 'in', [...CAPTURED])
    .orderBy('created_at')
    .execute();
}

export async function updatePayment(db: Executor, id: string, changes: PaymentChanges): Promise<PaymentRow> {
  return q(db).updateTable('payments.payments').set(encode(changes)).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Every payment matching `filter` (admins; from/to on created_at), newest first, a page (newestFirst). */
export function listPayments(db: Executor, filter: AdminListFilter<StoredStatus>, page: PageRequest): Promise<PaymentRow[]> {
  let query = q(db).selectFrom('payments.payments').selectAll();
  if (filter.statuses && filter.statuses.length > 0) query = query.where('status', 'in', [...filter.statuses]);
  if (filter.from) query = query.where('created_at', '>=', filter.from);
  if (filter.to) query = query.where('created_at', '<', filter.to);
  if (filter.caregiverId !== undefined) query = query.where('caregiver_id', '=', filter.caregiverId);
  if (filter.guardianId !== undefined) query = query.where('guardian_id', '=', filter.guardianId);
  if (filter.userIds !== undefined) {
    const ids = [...filter.userIds];
    if (ids.length === 0) return Promise.resolve([]);
    query = query.where((eb) => eb.or([eb('guardian_id', 'in', ids), eb('caregiver_user_id', 'in', ids)]));
  }
  return newestFirst(query, page).execute();
}

/**
 * Money over every captured payment (DONE, PARTIAL_CANCELED, CANCELED): what was approved, and what went
 * back (amount - balance_amount, the sum of the payment's cancels).
 */
export async function paymentTotals(db: Executor): Promise<{ gross: number; refunded: number }> {
  const row = await q(db)
    .selectFrom('payments.payments')
    .select([
      sql<string | number>`coalesce(sum(amount), 0)::bigint`.as('gross'),
      sql<string | number>`coalesce(sum(amount - balance_amount), 0)::bigint`.as('refunded'),
    ])
    .where('status', 'in', [...CAPTURED])
    .executeTakeFirstOrThrow();
  return { gross: Number(row.gross), refunded: Number(row.refunded) };
}

/** IN_PROGRESS payments whose last confirm attempt is older than `before` (the reconciler's work). */
export function listStaleConfirmations(db: Executor, before: Date, limit: number): Promise<PaymentRow[]> {
  return q(db)
    .selectFrom('payments.payments')
    .selectAll()
    .where('status', '=', 'IN_PROGRESS')
    .where('last_confirm_at', '<', before)
    .orderBy('last_confirm_at')
    .limit(limit)
    .execute();
}

/** The guardian's customerKey, created on first use (random, so it reveals nothing about the user). */
export async function customerKeyOf(db: Executor, guardianId: string, candidate: string, now: Date): Promise<string> {
  await q(db)
    .insertInto('payments.customers')
    .values({ guardian_id: guardianId, customer_key: candidate, created_at: now })
    .onConflict((oc) => oc.column('guardian_id').doNothing())
    .execute();
  const row = await q(db).selectFrom('payments.customers').select('customer_key').where('guardian_id', '=', guardianId).executeTakeFirstOrThrow();
  return row.customer_key;
}
