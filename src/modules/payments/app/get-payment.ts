import { notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/access.ts';
import { findPaymentById } from '../db/payments.repo.ts';
import type { PaymentsDeps } from './deps.ts';
import { toPaymentView, type PaymentView } from './payment-view.ts';

/** The payer, the payee (the reservation's caregiver) and admins see a payment; anyone else gets 404. */
export function makeGetPayment({ platform }: PaymentsDeps) {
  return async function getPayment(actor: Pick<Actor, 'userId' | 'role'>, paymentId: string): Promise<PaymentView> {
    const row = await findPaymentById(platform.database.db, paymentId);
    const allowed = row && (actor.role === 'ADMIN' || row.guardian_id === actor.userId || row.caregiver_user_id === actor.userId);
    if (!row || !allowed) throw notFound('Payment', 'PAYMENT_NOT_FOUND');
    return toPaymentView(row);
  };
}
