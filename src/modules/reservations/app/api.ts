import { ACTIVE_STATUSES, RESERVATION_STATUSES, type ReservationStatus, type ReservationsApi } from '../contract.ts';
import { countByStatus, findReservation, takesPartIn } from '../db/reservations.repo.ts';
import { orderName } from '../domain/deadlines.ts';
import type { ReservationsDeps } from './deps.ts';

/** The in-process implementation of the contract other modules call. */
export function makeReservationsApi({ platform }: ReservationsDeps): ReservationsApi {
  const { db } = platform.database;
  return {
    async findPayable(reservationId, guardianId) {
      const row = await findReservation(db, reservationId);
      if (!row || row.guardian_id !== guardianId) return undefined;
      return {
        id: row.id,
        status: row.status,
        guardianId: row.guardian_id,
        caregiverId: row.caregiver_id,
        caregiverUserId: row.caregiver_user_id,
        totalAmount: row.total_amount,
        orderName: orderName(row.start_at, row.caregiver_name),
        startAt: row.start_at.toISOString(),
        expiresAt: row.status === 'ACCEPTED' ? (row.expires_at?.toISOString() ?? null) : null,
      };
    },
    async participants(reservationId) {
      const row = await findReservation(db, reservationId);
      return row && { guardianId: row.guardian_id, caregiverUserId: row.caregiver_user_id };
    },
    hasUnfinishedReservations: (userId) => takesPartIn(db, userId, ACTIVE_STATUSES),
    async countByStatus() {
      const counts = Object.fromEntries(RESERVATION_STATUSES.map((status) => [status, 0])) as Record<ReservationStatus, number>;
      for (const row of await countByStatus(db)) counts[row.status] = row.count;
      return counts;
    },
  };
}
