import type { PaymentsApi } from '../contract.ts';
import { latestOfPayer } from '../db/payment-stats.repo.ts';
import type { PaymentsDeps } from './deps.ts';

/** The back office's user detail: the payer's latest payments, newest first (no card or provider details). */
export function makePaymentsOfUser({ platform }: PaymentsDeps): PaymentsApi['listForUser'] {
  return async function paymentsOfUser(userId, limit) {
    const rows = await latestOfPayer(platform.database.db, userId, limit);
    return rows.map((row) => ({
      id: row.id,
      reservationId: row.reservation_id,
      status: row.status,
      amount: row.amount,
      balanceAmount: row.balance_amount,
      approvedAt: row.approved_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
    }));
  };
}
