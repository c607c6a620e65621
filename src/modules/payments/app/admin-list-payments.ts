import { invalid } from '../../../platform/errors.ts';
import { decodeCursor, toPage, type Page } from '../../../platform/http/pagination.ts';
import { isUuid, listPayments } from '../db/payments.repo.ts';
import type { StoredStatus } from '../domain/payment-state.ts';
import type { PaymentsDeps } from './deps.ts';
import { toAdminPaymentView, type AdminPaymentView } from './payment-view.ts';

export interface AdminPaymentsQuery {
  readonly status?: readonly StoredStatus[] | undefined;
  /** ISO 8601 with an offset: payments opened at or after it. */
  readonly from?: string | undefined;
  /** ISO 8601 with an offset: payments opened before it. */
  readonly to?: string | undefined;
  readonly caregiverId?: string | undefined;
  readonly guardianId?: string | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

const badCursor = () => invalid('The cursor is not valid', [{ field: 'cursor', message: 'is not a cursor from this list' }]);

function afterCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const [createdAt, id] = decodeCursor(cursor, 2);
  const at = typeof createdAt === 'string' ? new Date(createdAt) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime()) || typeof id !== 'string' || !isUuid(id)) throw badCursor();
  return { createdAt: at, id };
}

function instant(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw invalid(`${field} is not a date-time`, [{ field, message: 'must be ISO 8601 with an offset' }]);
  return at;
}

/**
 * Admin: every payment, newest first (createdAt, id), filtered by Toss status, caregiver (profile id),
 * guardian and when the payment was opened (createdAt in [from, to)).
 */
export function makeAdminListPayments({ platform }: PaymentsDeps) {
  return async function adminListPayments(query: AdminPaymentsQuery = {}): Promise<Page<AdminPaymentView>> {
    const limit = query.limit ?? 20;
    const from = instant(query.from, 'from');
    const to = instant(query.to, 'to');
    if (from && to && from >= to) throw invalid('`to` must be after `from`', [{ field: 'to', message: 'must be after from' }]);
    const filter = { statuses: query.status, from, to, caregiverId: query.caregiverId, guardianId: query.guardianId };
    const rows = await listPayments(platform.database.db, filter, { limit, after: afterCursor(query.cursor) });
    return toPage(rows, limit, toAdminPaymentView, (row) => [row.created_at.toISOString(), row.id]);
  };
}
