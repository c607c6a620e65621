import { defineConsumer, type EventConsumer, type EventOf } from '../../../platform/events/event.ts';
import { RESERVATION_EVENTS } from '../../reservations/contract.ts';
import { insertCompletedReservation } from '../db/reviews.repo.ts';
import { isUuid } from '../domain/review.ts';

export const COMPLETED_RESERVATIONS_CONSUMER = 'reviews.completed-reservations';

/** The row a completion adds; ids that are not uuids (the schema checks only that they are strings) are refused. */
function rowOf(event: EventOf<typeof RESERVATION_EVENTS.completed>) {
  const p = event.payload;
  const broken = (why: string) => new Error(`${event.type} ${event.id} breaks the reservation event contract: ${why}`);
  if (!isUuid(p.reservationId)) throw broken('reservationId is not a uuid');
  if (!isUuid(p.caregiverId)) throw broken('caregiverId is not a uuid');
  return {
    reservation_id: p.reservationId,
    guardian_id: p.guardianId,
    caregiver_id: p.caregiverId,
    caregiver_user_id: p.caregiverUserId,
    completed_at: new Date(p.completedAt),
  };
}

/** Keeps reviews.completed_reservations: the reservations a guardian may review. Idempotent. */
export function makeCompletedReservationsConsumer(): EventConsumer {
  return defineConsumer({
    name: COMPLETED_RESERVATIONS_CONSUMER,
    events: [RESERVATION_EVENTS.completed],
    handle: (event, tx) => insertCompletedReservation(tx, rowOf(event)),
  });
}
