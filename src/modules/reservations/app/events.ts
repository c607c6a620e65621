import type { NewEvent } from '../../../platform/events/event.ts';
import { RESERVATION_EVENTS } from '../contract.ts';
import type { ReservationRow } from '../db/reservations.repo.ts';
import type { ReminderHours } from '../domain/deadlines.ts';
import type { ReservationAction } from '../domain/transitions.ts';
import { eventBase } from './view.ts';

// The events this module writes to the outbox; aggregate = the reservation, so its events stay ordered.
// Payload = ReservationEventBase (the reservation after the change) + what the change adds.

export function requested(row: ReservationRow): NewEvent {
  return RESERVATION_EVENTS.requested.of(row.id, eventBase(row));
}

/** The event of a transition: `before` is the row as it was, `after` as it is now. */
export function transitionEvent(action: ReservationAction, before: ReservationRow, after: ReservationRow): NewEvent {
  const base = eventBase(after);
  switch (action) {
    case 'accept':
      return RESERVATION_EVENTS.accepted.of(after.id, base);
    case 'reject':
      return RESERVATION_EVENTS.rejected.of(after.id, { ...base, reason: after.rejection_reason ?? '' });
    case 'cancel':
      return RESERVATION_EVENTS.cancelled.of(after.id, {
        ...base,
        cancelledBy: after.cancelled_by ?? 'ADMIN',
        reason: after.cancel_reason ?? '',
        paid: before.status === 'CONFIRMED',
        refundAmount: after.refund_amount ?? 0,
      });
    case 'expire':
      return RESERVATION_EVENTS.expired.of(after.id, { ...base, previousStatus: before.status === 'ACCEPTED' ? 'ACCEPTED' : 'REQUESTED' });
    case 'confirmPayment':
      return RESERVATION_EVENTS.confirmed.of(after.id, { ...base, paymentId: after.payment_id ?? '' });
    case 'checkIn':
      return RESERVATION_EVENTS.checkedIn.of(after.id, { ...base, checkedInAt: (after.checked_in_at ?? after.updated_at).toISOString() });
    case 'checkOut':
    case 'autoComplete':
      return RESERVATION_EVENTS.completed.of(after.id, {
        ...base,
        completedAt: (after.ended_at ?? after.updated_at).toISOString(),
        automatic: action === 'autoComplete',
      });
  }
}

export function reminder(row: ReservationRow, hoursBefore: ReminderHours): NewEvent {
  return RESERVATION_EVENTS.reminder.of(row.id, { ...eventBase(row), hoursBefore });
}

export function paymentRefused(row: Pick<ReservationRow, 'id' | 'status'>, paymentId: string): NewEvent {
  return RESERVATION_EVENTS.paymentRefused.of(row.id, { reservationId: row.id, paymentId, status: row.status });
}
