import type { Actor } from '../../../platform/access.ts';
import { conflict } from '../../../platform/errors.ts';
import { checkOutWindow } from '../domain/deadlines.ts';
import type { ReservationsDeps } from './deps.ts';
import { transitionAsActor } from './transition.ts';
import type { ReservationView } from './view.ts';

/**
 * Its caregiver finished: IN_PROGRESS -> COMPLETED, from the start on (an early check-in does not make an
 * early check-out: before the start it is 409 INVALID_TRANSITION, saying when it opens).
 */
export function makeCheckOut(deps: ReservationsDeps) {
  return function checkOut(actor: Actor, reservationId: string): Promise<ReservationView> {
    return transitionAsActor(deps, actor, reservationId, 'checkOut', (row, _role, now) => {
      const window = checkOutWindow(row.start_at, now);
      if (!window.open) {
        throw conflict('INVALID_TRANSITION', `Check-out opens at the start, ${window.opensAt.toISOString()}`);
      }
      return { checked_out_at: now };
    });
  };
}
