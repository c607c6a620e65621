import type { Actor } from '../../../platform/access.ts';
import { paymentExpiresAt } from '../domain/deadlines.ts';
import type { ReservationsDeps } from './deps.ts';
import { text, transitionAsActor } from './transition.ts';
import type { AcceptInput } from './schemas.ts';
import type { ReservationView } from './view.ts';

/** Its caregiver: REQUESTED -> ACCEPTED. The guardian then has the payment TTL (or until the start) to pay. */
export function makeAcceptReservation(deps: ReservationsDeps) {
  return function acceptReservation(actor: Actor, reservationId: string, input: AcceptInput = {}): Promise<ReservationView> {
    return transitionAsActor(deps, actor, reservationId, 'accept', (row, _role, now) => ({
      caregiver_note: text(input.caregiverNote, 'caregiverNote'),
      expires_at: paymentExpiresAt(now, row.start_at, deps.settings),
    }));
  };
}
