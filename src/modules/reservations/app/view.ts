import type { Actor } from '../../../platform/access.ts';
import type { FieldCipher } from '../../../platform/crypto.ts';
import type { ReservationEventBase } from '../contract.ts';
import type { ReservationRow } from '../db/reservations.repo.ts';
import type { TransitionActor } from '../domain/transitions.ts';
import type { PatientHealth } from '../domain/reservation.ts';
import type { TimeSettings } from '../domain/deadlines.ts';
import type { AdminReservationView, ReservationView } from './schemas.ts';

// What callers see of a reservation, and who they are to it.

export type { AdminReservationView, ReservationView };

/** Who the actor is to this reservation; undefined for anyone who may not see it (answered 404). */
export function roleOf(row: Pick<ReservationRow, 'guardian_id' | 'caregiver_user_id'>, actor: Actor): Exclude<TransitionActor, 'SYSTEM'> | undefined {
  if (actor.role === 'ADMIN') return 'ADMIN';
  if (actor.role === 'GUARDIAN' && row.guardian_id === actor.userId) return 'GUARDIAN';
  if (actor.role === 'CAREGIVER' && row.caregiver_user_id === actor.userId) return 'CAREGIVER';
  return undefined;
}

/** The health details as stored (encrypted) and read back. */
export function healthOf(health: PatientHealth): PatientHealth {
  return { conditions: health.conditions, ...(health.notes !== undefined ? { notes: health.notes } : {}) };
}

export function encryptHealth(cipher: FieldCipher, reservationId: string, health: PatientHealth): string {
  return cipher.encrypt(JSON.stringify(healthOf(health)), reservationId);
}

/** Decrypts the patient's health details (erased after a withdrawal: no conditions, no notes). */
export function decryptHealth(cipher: FieldCipher, row: Pick<ReservationRow, 'id' | 'patient_health_encrypted'>): PatientHealth {
  if (row.patient_health_encrypted === null) return { conditions: [] };
  return JSON.parse(cipher.decrypt(row.patient_health_encrypted, row.id)) as PatientHealth;
}

const iso = (date: Date | null) => date?.toISOString();
const present = <T>(key: string, value: T | null | undefined) => (value === null || value === undefined ? {} : { [key]: value });

/**
 * The reservation for admin lists (GET /admin/reservations): everything but the patient's health details
 * (conditions, notes: never decrypted here) and the free-text request message, which may carry them too.
 * Minimum exposure (PIPA): an admin who needs them reads GET /reservations/:id, which is audited.
 */
export function toAdminView(row: ReservationRow): Omit<AdminReservationView, 'guardianName'> {
  return {
    id: row.id,
    guardianId: row.guardian_id,
    caregiverId: row.caregiver_id,
    caregiverName: row.caregiver_name,
    status: row.status,
    rateType: row.rate_type,
    serviceType: row.service_type,
    startAt: row.start_at.toISOString(),
    endAt: row.end_at.toISOString(),
    location: row.location,
    patient: {
      name: row.patient_name,
      ...present('birthYear', row.patient_birth_year),
      ...present('gender', row.patient_gender),
    },
    quote: row.quote,
    totalAmount: row.total_amount,
    ...present('caregiverNote', row.caregiver_note),
    ...present('rejectionReason', row.rejection_reason),
    ...present('suggestedAlternative', row.suggested_alternative),
    ...present('cancelReason', row.cancel_reason),
    ...present('cancelledBy', row.cancelled_by),
    ...present('refundAmount', row.refund_amount),
    ...present('paymentId', row.payment_id),
    ...present('expiresAt', iso(row.expires_at)),
    ...present('checkedInAt', iso(row.checked_in_at)),
    ...present('checkedOutAt', iso(row.checked_out_at)),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The reservation for one of its participants or an admin: the only people who may see it at all, and so
 * the only ones the patient's health details (decrypted here) are ever shown to.
 */
export function toView(
  row: ReservationRow,
  cipher: FieldCipher,
  times: Pick<TimeSettings, 'checkinOpensBeforeMs'>,
  /** The details in the clear when the caller just encrypted them (a new reservation): no decrypting back. */
  knownHealth?: PatientHealth,
): ReservationView {
  const health = knownHealth ?? decryptHealth(cipher, row);
  const { patient, ...rest } = toAdminView(row);
  return {
    ...rest,
    patient: { ...patient, conditions: health.conditions, ...present('notes', health.notes) },
    ...present('requestMessage', row.request_message),
    ...workWindows(row, times),
  };
}

/** When the caregiver's check-in and check-out open, while they are still ahead (the screens enable the buttons then). */
function workWindows(row: ReservationRow, times: Pick<TimeSettings, 'checkinOpensBeforeMs'>): Pick<ReservationView, 'checkInOpensAt' | 'checkOutOpensAt'> {
  if (row.status !== 'CONFIRMED' && row.status !== 'IN_PROGRESS') return {};
  // domain/deadlines.ts: check-in from CHECKIN_OPENS_BEFORE before the start, check-out from the start.
  const checkOutOpensAt = row.start_at.toISOString();
  if (row.status === 'IN_PROGRESS') return { checkOutOpensAt };
  return { checkInOpensAt: new Date(row.start_at.getTime() - times.checkinOpensBeforeMs).toISOString(), checkOutOpensAt };
}

/** What every reservation event carries. Never the patient's details: events travel in the clear. */
export function eventBase(row: ReservationRow): ReservationEventBase {
  return {
    reservationId: row.id,
    status: row.status,
    guardianId: row.guardian_id,
    caregiverId: row.caregiver_id,
    caregiverUserId: row.caregiver_user_id,
    caregiverName: row.caregiver_name,
    startAt: row.start_at.toISOString(),
    endAt: row.end_at.toISOString(),
    totalAmount: row.total_amount,
  };
}
