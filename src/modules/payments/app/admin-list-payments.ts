import { createdAtCursor, instantRange, toPage, type Page } from '../../../platform/http/pagination.ts';
import { listPayments } from '../db/payments.repo.ts';
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

/**
 * Admin: every payment, newest first (createdAt, id), filtered by Toss status, caregiver (profile id),
 * guardian and when the payment was opened (createdAt in [from, to)).
 */
export function makeAdminListPayments({ platform }: PaymentsDeps) {
  return async function adminListPayments(query: AdminPaymentsQuery = {}): Promise<Page<AdminPaymentView>> {
    const limit = query.limit ?? 20;
    const { from, to } = instantRange(query.from, query.to);
    const filter = { statuses: query.status, from, to, caregiverId: query.caregiverId, guardianId: query.guardianId };
    const rows = await listPayments(platform.database.db, filter, { limit, after: createdAtCursor(query.cursor) });
    return toPage(rows, limit, toAdminPaymentView, (row) => [row.created_at.toISOString(), row.id]);
  };
}
