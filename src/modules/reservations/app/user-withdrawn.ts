import { defineConsumer, type EventConsumer } from '../../../platform/events/event.ts';
import { IDENTITY_EVENTS } from '../../identity/contract.ts';
import { eraseCaregiverName, eraseGuardianData } from '../db/reservations.repo.ts';
import type { ReservationsDeps } from './deps.ts';

export const WITHDRAWN_PATIENT_NAME = '탈퇴한 회원';
export const WITHDRAWN_CAREGIVER_NAME = '탈퇴한 간병인';

/**
 * Withdrawal (PIPA). Identity refuses it while the user has unfinished reservations, so only finished ones
 * remain: a guardian's patients' names, health details, address and messages are erased; a caregiver's
 * name is replaced. Kept: ids, times, amounts and statuses (settlements and reviews refer to them).
 * Idempotent: a second delivery finds nothing left to erase.
 */
export function makeUserWithdrawnConsumer({ platform }: ReservationsDeps): EventConsumer {
  return defineConsumer({
    name: 'reservations.user-withdrawn',
    events: [IDENTITY_EVENTS.userWithdrawn],
    async handle(event, tx) {
      const { userId, role } = event.payload;
      const now = platform.clock.now();
      if (role === 'GUARDIAN') await eraseGuardianData(tx, userId, WITHDRAWN_PATIENT_NAME, now);
      if (role === 'CAREGIVER') await eraseCaregiverName(tx, userId, WITHDRAWN_CAREGIVER_NAME, now);
    },
  });
}
