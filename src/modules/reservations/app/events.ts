import type { NewEvent } from '../../../platform/events/event.ts';
import {
  RESERVATION_EVENTS,
  type ReservationCancelledV1,
  type ReservationCheckedInV1,
  type ReservationCompletedV1,
  type ReservationConfirmedV1,
  type ReservationExpiredV1,
  type ReservationPaymentRefusedV1,
  type ReservationRejectedV1,
  type ReservationReminderV1,
  type ReservationRequestedV1,
} from '../contract.ts';
import type { ReservationRow } from '../db/reservations.repo.ts';
import type { ReminderHours } from '../domain/deadlines.ts';
import type { ReservationAction } from '../domain/transitions.ts';
import { eventBase } from './view.ts';

// The events this module writes to the outbox; aggregate = the reservation, so its events stay ordered.
// Payload = ReservationEventBase (the reservation after the change) + what the change adds.

const event = <P>(type: string, row: ReservationRow, payload: P): NewEvent<P> => ({ type, aggregateId: row.id, payload });

export function requested(row: ReservationRow): NewEvent<ReservationRequestedV1> {
  return event(RESERVATION_EVENTS.requested, row, eventBase(row));
}

/** The event of a transition: `before` is the row as it was, `after` as it is now. */
export function transitionEvent(action: ReservationAction, before: ReservationRow, after: ReservationRow): NewEvent {
  const base = eventBase(after);
  switch (action) {
    case 'accept':
      return event(RESERVATION_EVENTS.accepted, after, base);
    case 'reject':
      return event<ReservationRejectedV1>(RESERVATION_EVENTS.rejected, after, { ...base, reason: after.rejection_reason ?? '' });
    case 'cancel':
      return event<ReservationCancelledV1>(RESERVATION_EVENTS.cancelled, after, {
        ...base,
        cancelledBy: after.cancelled_by ?? 'ADMIN',
        reason: after.cancel_reason ?? '',
        paid: before.status === 'CONFIRMED',
        refundAmount: after.refund_amount ?? 0,
      });
    case 'expire':
      return event<ReservationExpiredV1>(RESERVATION_EVENTS.expired, after, {
        ...base,
        previousStatus: before.status === 'ACCEPTED' ? 'ACCEPTED' : 'REQUESTED',
      });
    case 'confirmPayment':
      return event<ReservationConfirmedV1>(RESERVATION_EVENTS.confirmed, after, { ...base, paymentId: after.payment_id ?? '' });
    case 'checkIn':
      return event<ReservationCheckedInV1>(RESERVATION_EVENTS.checkedIn, after, {
        ...base,
        checkedInAt: (after.checked_in_at ?? after.updated_at).toISOString(),
      });
    case 'checkOut':
    case 'autoComplete':
      return event<ReservationCompletedV1>(RESERVATION_EVENTS.completed, after, {
        ...base,
        completedAt: (after.ended_at ?? after.updated_at).toISOString(),
        automatic: action === 'autoComplete',
      });
  }
}

export function reminder(row: ReservationRow, hoursBefore: ReminderHours): NewEvent<ReservationReminderV1> {
  return event(RESERVATION_EVENTS.reminder, row, { ...eventBase(row), hoursBefore });
}

export function paymentRefused(row: Pick<ReservationRow, 'id' | 'status'>, paymentId: string): NewEvent<ReservationPaymentRefusedV1> {
  return {
    type: RESERVATION_EVENTS.paymentRefused,
    aggregateId: row.id,
    payload: { reservationId: row.id, paymentId, status: row.status },
  };
}
