import type { Actor } from '../../../platform/access.ts';
import type { ReservationsDeps } from './deps.ts';
import { text, transitionAsActor } from './transition.ts';
import type { RejectInput } from './schemas.ts';
import type { ReservationView } from './view.ts';

/** Its caregiver: REQUESTED -> REJECTED, with a reason and optionally another time or arrangement to suggest. */
export function makeRejectReservation(deps: ReservationsDeps) {
  return async function rejectReservation(
    actor: Actor,
    reservationId: string,
    input: RejectInput,
  ): Promise<ReservationView> {
    const reason = text(input.reason, 'reason', true);
    const suggestedAlternative = text(input.suggestedAlternative, 'suggestedAlternative');
    return transitionAsActor(deps, actor, reservationId, 'reject', () => ({
      rejection_reason: reason,
      suggested_alternative: suggestedAlternative,
    }));
  };
}
