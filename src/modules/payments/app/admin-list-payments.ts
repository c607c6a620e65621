import { adminListRequest, toCreatedAtPage, type AdminListQuery, type Page } from '../../../platform/paging.ts';
import { namesOf, userIdsMatching } from '../../../platform/user-names.ts';
import { listPayments } from '../db/payments.repo.ts';
import type { StoredStatus } from '../domain/payment-state.ts';
import type { PaymentsDeps } from './deps.ts';
import { toAdminPaymentView, type AdminPaymentView } from './payment-view.ts';

/**
 * Admin: every payment, newest first (createdAt, id), filtered by Toss status, caregiver (profile id),
 * guardian, when the payment was opened (createdAt in [from, to)) and `q` (a name, email or phone of the
 * payer or the payee, resolved by the identity module). Items carry both parties' names.
 */
export function makeAdminListPayments({ platform, users }: PaymentsDeps) {
  return async function adminListPayments(query: AdminListQuery<StoredStatus> = {}): Promise<Page<AdminPaymentView>> {
    const { filter, page } = adminListRequest(query);
    const userIds = await userIdsMatching(users, query.q);
    const rows = await listPayments(platform.database.db, { ...filter, userIds }, page);
    const nameOf = await namesOf(users, rows.flatMap((row) => [row.guardian_id, row.caregiver_user_id]));
    return toCreatedAtPage(rows, page.limit, (row) => ({
      ...toAdminPaymentView(row),
      guardianName: nameOf(row.guardian_id),
      caregiverName: nameOf(row.caregiver_user_id),
    }));
  };
}
