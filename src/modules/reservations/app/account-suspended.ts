import { defineConsumer, type EventConsumer } from '../../../platform/events/event.ts';
import { IDENTITY_EVENTS } from '../../identity/contract.ts';
import { lockReservationsOfUser } from '../db/suspension.repo.ts';
import type { ReservationsDeps } from './deps.ts';
import { applyTransition } from './transition.ts';

export const CAREGIVER_SUSPENDED_REASON = 'caregiver account suspended';
export const GUARDIAN_SUSPENDED_REASON = 'guardian account suspended';

/**
 * An account suspended by an admin ends what has not started and involves no money
 * (docs/decisions/0017-suspension.md):
 * - caregiver: REQUESTED -> REJECTED (by the system, reason 'caregiver account suspended'); ACCEPTED (unpaid)
 *   -> CANCELLED by ADMIN (the suspension is an admin's decision; nothing was paid, refund 0).
 * - guardian: REQUESTED and ACCEPTED -> CANCELLED by ADMIN (reason 'guardian account suspended').
 * CONFIRMED and IN_PROGRESS reservations are left for the admin to resolve. The normal reservation events
 * follow, so notifications, busy slots and open payments react as to any rejection or cancellation.
 * Idempotent: a redelivery finds none left in those statuses. Unsuspension restores nothing here.
 */
export function makeAccountSuspendedConsumer({ platform }: ReservationsDeps): EventConsumer {
  return defineConsumer({
    name: 'reservations.account-suspended',
    events: [IDENTITY_EVENTS.userSuspended],
    async handle(event, tx, emit) {
      const { userId, role } = event.payload;
      const now = platform.clock.now();
      if (role === 'CAREGIVER') {
        for (const row of await lockReservationsOfUser(tx, { caregiverUserId: userId }, ['REQUESTED', 'ACCEPTED'])) {
          if (row.status === 'REQUESTED') {
            await applyTransition(tx, emit, { row, action: 'reject', actor: 'SYSTEM', now, changes: { rejection_reason: CAREGIVER_SUSPENDED_REASON } });
          } else {
            const changes = { cancel_reason: CAREGIVER_SUSPENDED_REASON, cancelled_by: 'ADMIN' as const, refund_amount: 0 };
            await applyTransition(tx, emit, { row, action: 'cancel', actor: 'ADMIN', now, changes });
          }
        }
      }
      if (role === 'GUARDIAN') {
        for (const row of await lockReservationsOfUser(tx, { guardianId: userId }, ['REQUESTED', 'ACCEPTED'])) {
          const changes = { cancel_reason: GUARDIAN_SUSPENDED_REASON, cancelled_by: 'ADMIN' as const, refund_amount: 0 };
          await applyTransition(tx, emit, { row, action: 'cancel', actor: 'ADMIN', now, changes });
        }
      }
    },
  });
}
