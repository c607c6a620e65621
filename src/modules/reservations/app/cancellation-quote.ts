import type { Actor } from '../../../platform/access.ts';
import { transition } from '../domain/transitions.ts';
import type { CancellationQuote } from '../domain/refund-policy.ts';
import { cancellationTerms } from './cancel-reservation.ts';
import type { ReservationsDeps } from './deps.ts';
import { loadForActor } from './transition.ts';

/** What cancelling now would refund and keep; 409 INVALID_TRANSITION when the caller may not cancel it now. */
export function makeCancellationQuote(deps: ReservationsDeps) {
  return async function cancellationQuote(actor: Actor, reservationId: string): Promise<CancellationQuote> {
    const { row, role } = await loadForActor(deps.platform.database.db, reservationId, actor);
    transition(row.status, 'cancel', role);
    return cancellationTerms(deps, row, role, deps.platform.clock.now());
  };
}
