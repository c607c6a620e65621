import { adminListRequest, toCreatedAtPage, type AdminListQuery, type Page } from '../../../platform/paging.ts';
import { listPayments } from '../db/payments.repo.ts';
import type { StoredStatus } from '../domain/payment-state.ts';
import type { PaymentsDeps } from './deps.ts';
import { toAdminPaymentView, type AdminPaymentView } from './payment-view.ts';

/**
 * Admin: every payment, newest first (createdAt, id), filtered by Toss status, caregiver (profile id),
 * guardian and when the payment was opened (createdAt in [from, to)).
 */
export function makeAdminListPayments({ platform }: PaymentsDeps) {
  return async function adminListPayments(query: AdminListQuery<StoredStatus> = {}): Promise<Page<AdminPaymentView>> {
    const { filter, page } = adminListRequest(query);
    return toCreatedAtPage(await listPayments(platform.database.db, filter, page), page.limit, toAdminPaymentView);
  };
}
