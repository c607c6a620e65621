import { defineConsumer, type EventConsumer } from '../../../platform/events/event.ts';
import { PAYMENT_EVENTS } from '../../payments/contract.ts';
import { findReservation } from '../db/reservations.repo.ts';
import type { ReservationsDeps } from './deps.ts';
import { paymentRefused } from './events.ts';
import { applyTransition } from './transition.ts';

/**
 * Saga step "payment DONE -> reservation CONFIRMED". Its compensation, beside it: a payment that cannot
 * confirm the reservation (it ended meanwhile: cancelled, expired, rejected; or another payment already
 * confirmed it; or the amount is not the reservation's) is answered with reservation.payment_refused.v1,
 * and the payments module refunds it in full. Idempotent twice over: the inbox drops redelivered events,
 * and the state check makes a second payment.confirmed for the same payment a no-op.
 */
export function makePaymentConfirmedConsumer({ platform }: ReservationsDeps): EventConsumer {
  return defineConsumer({
    name: 'reservations.payment-confirmed',
    events: [PAYMENT_EVENTS.confirmed],
    async handle(event, tx, emit) {
      const payment = event.payload;
      const row = await findReservation(tx, payment.reservationId, { forUpdate: true });
      if (!row) {
        platform.logger.error({ paymentId: payment.paymentId, reservationId: payment.reservationId }, 'payment for an unknown reservation');
        return;
      }
      if (row.payment_id === payment.paymentId) return; // already confirmed by this payment
      const now = platform.clock.now();
      if (row.status === 'ACCEPTED' && payment.amount === row.total_amount && payment.guardianId === row.guardian_id) {
        await applyTransition(tx, emit, { row, action: 'confirmPayment', actor: 'SYSTEM', now, changes: { payment_id: payment.paymentId } });
      } else {
        platform.logger.warn(
          { paymentId: payment.paymentId, reservationId: row.id, status: row.status, amount: payment.amount, totalAmount: row.total_amount },
          'payment refused: the reservation cannot take it',
        );
        emit(paymentRefused(row, payment.paymentId));
      }
    },
  });
}
