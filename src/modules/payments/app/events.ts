import type { NewEvent } from '../../../platform/events/event.ts';
import { PAYMENT_EVENTS, type PaymentStatus } from '../contract.ts';
import type { PaymentRow } from '../db/payments.repo.ts';

// The events this module writes to the outbox; aggregate = the payment, so one payment's events stay ordered.

export function paymentConfirmed(row: PaymentRow): NewEvent {
  return PAYMENT_EVENTS.confirmed.of(row.id, {
    paymentId: row.id,
    reservationId: row.reservation_id,
    guardianId: row.guardian_id,
    amount: row.amount,
    approvedAt: (row.approved_at ?? row.updated_at).toISOString(),
  });
}

export function paymentRefunded(row: PaymentRow, amount: number, reason: string): NewEvent {
  return PAYMENT_EVENTS.refunded.of(row.id, {
    paymentId: row.id,
    reservationId: row.reservation_id,
    guardianId: row.guardian_id,
    amount,
    balanceAmount: row.balance_amount,
    reason,
  });
}

export function paymentUpdated(row: PaymentRow): NewEvent {
  return PAYMENT_EVENTS.updated.of(row.id, {
    paymentId: row.id,
    reservationId: row.reservation_id,
    // WAITING_FOR_DEPOSIT is never offered (no virtual accounts), so the contract's statuses cover the rest.
    status: row.status as PaymentStatus,
    amount: row.amount,
    balanceAmount: row.balance_amount,
  });
}
