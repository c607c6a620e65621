import { writeAudit } from '../../../platform/audit.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import type { Actor } from '../../../platform/access.ts';
import type { ReservationsDeps } from './deps.ts';
import { caregiverExtras } from './caregiver-extras.ts';
import { loadForActor } from './transition.ts';
import { toView, type ReservationView } from './view.ts';

/**
 * One reservation, for its participants and admins (anyone else: 404). It carries the patient's health
 * details; an admin's read of them is written to the audit log in the transaction that reads them.
 */
export function makeGetReservation(deps: ReservationsDeps) {
  const { platform, settings } = deps;
  return async function getReservation(actor: Actor, reservationId: string, requestId?: string): Promise<ReservationView> {
    const row = await inTransaction(platform.database.db, async (tx) => {
      const { row, role } = await loadForActor(tx, reservationId, actor);
      if (role === 'ADMIN') {
        await writeAudit(
          tx,
          {
            actor,
            action: 'reservation.patient.read',
            resourceType: 'reservation',
            resourceId: row.id,
            details: { guardianId: row.guardian_id, caregiverId: row.caregiver_id },
            ...(requestId !== undefined ? { requestId } : {}),
          },
          platform.clock.now(),
        );
      }
      return row;
    });
    const view = toView(row, platform.cipher, settings);
    return actor.role === 'CAREGIVER' ? { ...view, ...(await caregiverExtras(deps, row)) } : view;
  };
}
