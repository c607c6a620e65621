import type { Executor } from '../../../platform/db/database.ts';
import type { ReservationStatus } from '../contract.ts';
import { COLUMNS, q, type ReservationRow } from './reservations.repo.ts';

// Reservations' SQL for account suspensions: a user's reservations in some statuses, locked for the
// transitions that end them.

/** The reservations of a guardian or caregiver (user id) in `statuses`, oldest start first, locked FOR UPDATE. */
export function lockReservationsOfUser(
  db: Executor,
  who: { readonly guardianId: string } | { readonly caregiverUserId: string },
  statuses: readonly ReservationStatus[],
): Promise<ReservationRow[]> {
  const column = 'guardianId' in who ? 'guardian_id' : 'caregiver_user_id';
  const id = 'guardianId' in who ? who.guardianId : who.caregiverUserId;
  return q(db)
    .selectFrom('reservations.reservations')
    .select(COLUMNS)
    .where(column, '=', id)
    .where('status', 'in', [...statuses])
    .orderBy('start_at')
    .orderBy('id')
    .forUpdate()
    .execute();
}
