import type { Actor } from '../../../platform/access.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { notFound } from '../../../platform/errors.ts';
import { findPaymentById } from '../db/payments.repo.ts';
import type { PaymentsDeps } from './deps.ts';
import { toPaymentView, type PaymentView } from './payment-view.ts';

/**
 * The payer, the payee (the reservation's caregiver) and admins see a payment; anyone else gets 404. An
 * admin's read of someone's payment (method, receipt link, refunds) is audited ('payment.read').
 */
export function makeGetPayment({ platform }: PaymentsDeps) {
  return async function getPayment(actor: Pick<Actor, 'userId' | 'role'>, paymentId: string, requestId?: string): Promise<PaymentView> {
    const row = await findPaymentById(platform.database.db, paymentId);
    const party = row && (row.guardian_id === actor.userId || row.caregiver_user_id === actor.userId);
    if (!row || !(party || actor.role === 'ADMIN')) throw notFound('Payment', 'PAYMENT_NOT_FOUND');
    if (!party) {
      const details = { reservationId: row.reservation_id, guardianId: row.guardian_id };
      const entry = { actor, action: 'payment.read', resourceType: 'payment', resourceId: row.id, details };
      await writeAudit(platform.database.db, requestId !== undefined ? { ...entry, requestId } : entry, platform.clock.now());
    }
    return toPaymentView(row);
  };
}
