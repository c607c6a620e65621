import type { PaymentTotals } from '../contract.ts';
import { paymentTotals } from '../db/payments.repo.ts';
import type { PaymentsDeps } from './deps.ts';

/**
 * Admin statistics: gross = every approved amount of captured payments (DONE, PARTIAL_CANCELED, CANCELED),
 * refunded = the sum of their cancels, net = what the platform still holds.
 */
export function makePaymentTotals({ platform }: PaymentsDeps) {
  return async function getPaymentTotals(): Promise<PaymentTotals> {
    const { gross, refunded } = await paymentTotals(platform.database.db);
    return { grossAmount: gross, refundedAmount: refunded, netAmount: gross - refunded };
  };
}
