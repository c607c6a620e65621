import { defineConsumer, type EventConsumer } from '../../../platform/events/event.ts';
import { IDENTITY_EVENTS } from '../../identity/contract.ts';
import { eraseCaregiverName, eraseGuardianData, eraseTextsBy } from '../db/reservations.repo.ts';
import { CAREGIVER_SUSPENDED_REASON } from './account-suspended.ts';
import type { ReservationsDeps } from './deps.ts';

export const WITHDRAWN_PATIENT_NAME = '탈퇴한 회원';
export const WITHDRAWN_CAREGIVER_NAME = '탈퇴한 간병인';
/** What replaces the free text a withdrawn user wrote (cancellation and rejection reasons, alternatives). */
export const WITHDRAWN_TEXT = '(탈퇴한 사용자가 작성한 내용 삭제됨 · Removed: written by a withdrawn user)';

/**
 * Withdrawal (PIPA). Identity refuses it while the user has unfinished reservations, so only finished ones
 * remain: a guardian's patients' names, health details, address and messages are erased; a caregiver's
 * name and note are replaced. The free text the user wrote (the reasons it cancelled with, a caregiver's
 * rejection reasons and suggested alternatives) becomes WITHDRAWN_TEXT; what others wrote (the other side's
 * or an admin's reason) stays. Kept: ids, times, amounts and statuses (settlements and reviews refer to
 * them). Idempotent: a second delivery finds nothing left to erase.
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
      if (role === 'GUARDIAN' || role === 'CAREGIVER') {
        await eraseTextsBy(tx, { userId, role }, WITHDRAWN_TEXT, now, CAREGIVER_SUSPENDED_REASON);
      }
    },
  });
}
