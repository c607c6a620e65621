import type { Executor } from '../../../platform/db/database.ts';
import { defineConsumer, type DomainEvent, type EventConsumer } from '../../../platform/events/event.ts';
import { newId } from '../../../platform/ids.ts';
import { RESERVATION_EVENTS } from '../../reservations/contract.ts';
import { REFUNDABLE } from '../domain/payment-state.ts';
import { cancelReasonFor, refundAmount, refundBaseKey, type RefundReason } from '../domain/refund.ts';
import { findLivePayment, findPaymentById, type PaymentRow } from '../db/payments.repo.ts';
import { requestRefund } from '../db/refunds.repo.ts';
import type { PaymentsDeps } from './deps.ts';

// Saga steps that ask for money back. Each runs in its event's inbox transaction, so it happens once
// per event; it only WRITES the request (no provider call inside a transaction): the refund worker
// (process-refunds.ts) carries it out. Their compensation is the refund itself; a refund has none
// (money back is the end of the line), and a refund that cannot be made is parked FAILED for a person.

async function request(
  deps: PaymentsDeps,
  tx: Executor,
  event: DomainEvent,
  payment: PaymentRow,
  reason: RefundReason,
  requested: number | null,
  detail: string,
): Promise<void> {
  const amount = refundAmount(requested, payment.balance_amount);
  if (amount === undefined) {
    deps.logger.info({ paymentId: payment.id, reason }, 'nothing left to refund');
    return;
  }
  const now = deps.platform.clock.now();
  const inserted = await requestRefund(tx, {
    id: newId(),
    payment_id: payment.id,
    reservation_id: payment.reservation_id,
    reason,
    cancel_reason: cancelReasonFor(reason, detail),
    amount,
    idempotency_key: refundBaseKey(reason, { reservationId: payment.reservation_id, paymentId: payment.id }),
    key_generation: 0,
    status: 'PENDING',
    attempts: 0,
    next_attempt_at: now,
    last_error: null,
    refunded_amount: null,
    transaction_key: null,
    source_event_id: event.id,
    created_at: now,
    completed_at: null,
  });
  if (inserted) deps.refundsRequested();
}

/** A captured payment, which can still give money back. */
const refundable = (payment: PaymentRow): boolean => REFUNDABLE.includes(payment.status);

/** reservation.cancelled.v1 after payment: refund what the cancellation policy says. */
export function makeReservationCancelledConsumer(deps: PaymentsDeps): EventConsumer {
  return defineConsumer({
    name: 'payments.refund-cancelled-reservation',
    events: [RESERVATION_EVENTS.cancelled],
    async handle(event, tx) {
      const { reservationId, refundAmount: due, reason } = event.payload;
      if (!(due > 0)) return;
      const payment = await findLivePayment(tx, reservationId);
      if (!payment || !refundable(payment)) {
        deps.logger.error({ reservationId, status: payment?.status }, 'a refund was due but no captured payment was found');
        return;
      }
      await request(deps, tx, event, payment, 'RESERVATION_CANCELLED', due, reason);
    },
  });
}

/** reservation.payment_refused.v1: the reservation had ended when the money came; give it all back. */
export function makePaymentRefusedConsumer(deps: PaymentsDeps): EventConsumer {
  return defineConsumer({
    name: 'payments.refund-refused-payment',
    events: [RESERVATION_EVENTS.paymentRefused],
    async handle(event, tx) {
      const { paymentId, status } = event.payload;
      const payment = await findPaymentById(tx, paymentId);
      if (!payment || !refundable(payment)) {
        deps.logger.warn({ paymentId, status: payment?.status }, 'refused payment has nothing to refund');
        return;
      }
      await request(deps, tx, event, payment, 'PAYMENT_REFUSED', null, `reservation ${status}`);
    },
  });
}
