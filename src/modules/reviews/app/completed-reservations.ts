import type { DomainEvent, EventConsumer } from '../../../platform/events/event.ts';
import { RESERVATION_EVENTS, type ReservationCompletedV1 } from '../../reservations/contract.ts';
import { insertCompletedReservation } from '../db/reviews.repo.ts';
import { isUuid } from '../domain/review.ts';

export const COMPLETED_RESERVATIONS_CONSUMER = 'reviews.completed-reservations';

function rowOf(event: DomainEvent) {
  const p = event.payload as Partial<ReservationCompletedV1> | null;
  const broken = (why: string) => new Error(`${event.type} ${event.id} breaks the reservation event contract: ${why}`);
  if (!p || typeof p.reservationId !== 'string' || !isUuid(p.reservationId)) throw broken('reservationId is not a uuid');
  if (typeof p.caregiverId !== 'string' || !isUuid(p.caregiverId)) throw broken('caregiverId is not a uuid');
  if (typeof p.guardianId !== 'string' || typeof p.caregiverUserId !== 'string') throw broken('guardianId and caregiverUserId are required');
  const completedAt = new Date(p.completedAt ?? event.occurredAt);
  if (Number.isNaN(completedAt.getTime())) throw broken('completedAt is not an instant');
  return {
    reservation_id: p.reservationId,
    guardian_id: p.guardianId,
    caregiver_id: p.caregiverId,
    caregiver_user_id: p.caregiverUserId,
    completed_at: completedAt,
  };
}

/** Keeps reviews.completed_reservations: the reservations a guardian may review. Idempotent. */
export function makeCompletedReservationsConsumer(): EventConsumer {
  return {
    name: COMPLETED_RESERVATIONS_CONSUMER,
    types: [RESERVATION_EVENTS.completed],
    handle: (event, tx) => insertCompletedReservation(tx, rowOf(event)),
  };
}
