import { conflict } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/access.ts';
import { checkInWindow } from '../domain/deadlines.ts';
import type { ReservationsDeps } from './deps.ts';
import { transitionAsActor } from './transition.ts';
import type { ReservationView } from './view.ts';

/**
 * Its caregiver arrived: CONFIRMED -> IN_PROGRESS, from CHECKIN_OPENS_BEFORE before the start until the end
 * (else 409 CHECKIN_NOT_OPEN). reservation.checked_in.v1 tells the guardian.
 */
export function makeCheckIn(deps: ReservationsDeps) {
  return function checkIn(actor: Actor, reservationId: string): Promise<ReservationView> {
    return transitionAsActor(deps, actor, reservationId, 'checkIn', (row, _role, now) => {
      const window = checkInWindow(row.start_at, row.end_at, now, deps.settings);
      if (!window.open) {
        throw conflict(
          'CHECKIN_NOT_OPEN',
          window.reason === 'TOO_EARLY'
            ? `Check-in opens at ${window.opensAt.toISOString()}`
            : 'The reservation has ended; it can no longer be checked in to',
        );
      }
      return { checked_in_at: now };
    });
  };
}
