import { makeAcceptReservation } from './accept-reservation.ts';
import { makeAdminListReservations } from './admin-list-reservations.ts';
import { makeCancelReservation } from './cancel-reservation.ts';
import { makeCancellationQuote } from './cancellation-quote.ts';
import { makeCheckIn } from './check-in.ts';
import { makeCheckOut } from './check-out.ts';
import { makeCreateReservation } from './create-reservation.ts';
import { makeCreateReservationOnce } from './create-reservation-once.ts';
import type { ReservationsDeps } from './deps.ts';
import { makeGetQuote } from './get-quote.ts';
import { makeGetReservation } from './get-reservation.ts';
import { makeListReservations } from './list-reservations.ts';
import { makeLiveState } from './live-state.ts';
import { makeRejectReservation } from './reject-reservation.ts';

export type ReservationsUseCases = ReturnType<typeof makeReservationsUseCases>;

/** Every reservations use case, built once; routes call them, and so may tests and the demo seeder. */
export function makeReservationsUseCases(deps: ReservationsDeps, live: ReturnType<typeof makeLiveState>) {
  return {
    getQuote: makeGetQuote(deps),
    createReservation: makeCreateReservation(deps),
    createReservationOnce: makeCreateReservationOnce(deps),
    listReservations: makeListReservations(deps),
    adminListReservations: makeAdminListReservations(deps),
    getReservation: makeGetReservation(deps),
    acceptReservation: makeAcceptReservation(deps),
    rejectReservation: makeRejectReservation(deps),
    cancellationQuote: makeCancellationQuote(deps),
    cancelReservation: makeCancelReservation(deps),
    checkIn: makeCheckIn(deps),
    checkOut: makeCheckOut(deps),
    liveState: live.liveState,
  };
}
