import type { Actor } from '../../../platform/access.ts';
import { refundPolicy, type CancellationQuote } from '../domain/refund-policy.ts';
import type { ReservationRow } from '../db/reservations.repo.ts';
import type { ReservationsDeps } from './deps.ts';
import { text, transitionAsActor } from './transition.ts';
import type { CancelInput } from './schemas.ts';
import type { ReservationView } from './view.ts';

/** The policy applied to this reservation, cancelled by `role` at `now`. */
export function cancellationTerms(
  deps: ReservationsDeps,
  row: ReservationRow,
  role: 'GUARDIAN' | 'CAREGIVER' | 'ADMIN',
  now: Date,
): CancellationQuote {
  return refundPolicy(
    { paid: row.status === 'CONFIRMED', paidAmount: row.total_amount, cancelledBy: role, startAt: row.start_at, now },
    deps.settings.refundPolicy,
  );
}

/**
 * A participant (or an admin): REQUESTED, ACCEPTED or CONFIRMED -> CANCELLED. The refund the policy gives
 * is recorded and carried in reservation.cancelled.v1; the payments module pays it back. An admin's
 * cancellation is audited ('reservation.cancel') in the same transaction.
 */
export function makeCancelReservation(deps: ReservationsDeps) {
  return async function cancelReservation(actor: Actor, reservationId: string, input: CancelInput, requestId?: string): Promise<ReservationView> {
    const reason = text(input.reason, 'reason', true);
    const decide = (row: ReservationRow, role: 'GUARDIAN' | 'CAREGIVER' | 'ADMIN', now: Date) => ({
      cancel_reason: reason,
      cancelled_by: role,
      refund_amount: cancellationTerms(deps, row, role, now).refundAmount,
    });
    return transitionAsActor(deps, actor, reservationId, 'cancel', decide, { requestId });
  };
}
