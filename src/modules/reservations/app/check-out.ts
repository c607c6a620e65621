import type { Actor } from '../../../platform/access.ts';
import type { ReservationsDeps } from './deps.ts';
import { transitionAsActor } from './transition.ts';
import type { ReservationView } from './view.ts';

/** Its caregiver finished: IN_PROGRESS -> COMPLETED. */
export function makeCheckOut(deps: ReservationsDeps) {
  return function checkOut(actor: Actor, reservationId: string): Promise<ReservationView> {
    return transitionAsActor(deps, actor, reservationId, 'checkOut', (_row, _role, now) => ({ checked_out_at: now }));
  };
}
