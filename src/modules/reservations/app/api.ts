import { ACTIVE_STATUSES, RESERVATION_STATUSES, WORKING_STATUSES, type ReservationStatus, type ReservationsApi } from '../contract.ts';
import { activeCaregiversPerBucket, countActiveCaregivers, createdPerBucket, latestOfUser } from '../db/reservation-stats.repo.ts';
import { countByStatus, findReservation, takesPartIn } from '../db/reservations.repo.ts';
import { orderName } from '../domain/deadlines.ts';
import type { ReservationsDeps } from './deps.ts';

/** The in-process implementation of the contract other modules call. */
const noneByStatus = () => Object.fromEntries(RESERVATION_STATUSES.map((status) => [status, 0])) as Record<ReservationStatus, number>;

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
      const counts = noneByStatus();
      for (const row of await countByStatus(db)) counts[row.status] = row.count;
      return counts;
    },
    async statsSeries(range) {
      const [created, active] = await Promise.all([createdPerBucket(db, range), activeCaregiversPerBucket(db, range, WORKING_STATUSES)]);
      const buckets = new Map<string, { start: string; created: number; byStatus: Record<ReservationStatus, number>; activeCaregivers: number }>();
      const bucket = (start: Date) => {
        const key = start.toISOString();
        const found = buckets.get(key) ?? { start: key, created: 0, byStatus: noneByStatus(), activeCaregivers: 0 };
        buckets.set(key, found);
        return found;
      };
      for (const row of created) {
        const b = bucket(row.start);
        b.created += row.count;
        b.byStatus[row.status] += row.count;
      }
      for (const row of active) bucket(row.start).activeCaregivers = row.count;
      return [...buckets.values()].sort((a, b) => a.start.localeCompare(b.start));
    },
    activeCaregiverCount: (from, to) => countActiveCaregivers(db, from, to, WORKING_STATUSES),
    async listForUser(userId, limit) {
      const rows = await latestOfUser(db, userId, limit);
      return rows.map((row) => ({
        id: row.id,
        status: row.status,
        startAt: row.start_at.toISOString(),
        endAt: row.end_at.toISOString(),
        totalAmount: row.total_amount,
        guardianId: row.guardian_id,
        caregiverId: row.caregiver_id,
        caregiverUserId: row.caregiver_user_id,
        caregiverName: row.caregiver_name,
        createdAt: row.created_at.toISOString(),
      }));
    },
  };
}
