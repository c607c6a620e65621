import { listCapturedPayments } from '../db/payments.repo.ts';
import type { PaymentsDeps } from './deps.ts';

/** What the guardian finally paid for a reservation: captured payments, and what went back of them. */
export function makeSettledAmounts({ platform }: PaymentsDeps) {
  return async function settledAmounts(reservationId: string): Promise<{ paid: number; refunded: number } | undefined> {
    const rows = await listCapturedPayments(platform.database.db, reservationId);
    if (rows.length === 0) return undefined;
    return {
      paid: rows.reduce((sum, row) => sum + row.amount, 0),
      refunded: rows.reduce((sum, row) => sum + (row.amount - row.balance_amount), 0),
    };
  };
}
