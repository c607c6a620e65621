import type { NewEvent } from '../../../platform/events/event.ts';
import { PAYMENT_EVENTS, type PaymentConfirmedV1, type PaymentRefundedV1, type PaymentStatus, type PaymentUpdatedV1 } from '../contract.ts';
import type { PaymentRow } from '../db/payments.repo.ts';

// The events this module writes to the outbox; aggregate = the payment, so one payment's events stay ordered.

export function paymentConfirmed(row: PaymentRow): NewEvent<PaymentConfirmedV1> {
  return {
    type: PAYMENT_EVENTS.confirmed,
    aggregateId: row.id,
    payload: {
      paymentId: row.id,
      reservationId: row.reservation_id,
      guardianId: row.guardian_id,
      amount: row.amount,
      approvedAt: (row.approved_at ?? row.updated_at).toISOString(),
    },
  };
}

export function paymentRefunded(row: PaymentRow, amount: number, reason: string): NewEvent<PaymentRefundedV1> {
  return {
    type: PAYMENT_EVENTS.refunded,
    aggregateId: row.id,
    payload: {
      paymentId: row.id,
      reservationId: row.reservation_id,
      guardianId: row.guardian_id,
      amount,
      balanceAmount: row.balance_amount,
      reason,
    },
  };
}

export function paymentUpdated(row: PaymentRow): NewEvent<PaymentUpdatedV1> {
  return {
    type: PAYMENT_EVENTS.updated,
    aggregateId: row.id,
    payload: {
      paymentId: row.id,
      reservationId: row.reservation_id,
      // WAITING_FOR_DEPOSIT is never offered (no virtual accounts), so the contract's statuses cover the rest.
      status: row.status as PaymentStatus,
      amount: row.amount,
      balanceAmount: row.balance_amount,
    },
  };
}
