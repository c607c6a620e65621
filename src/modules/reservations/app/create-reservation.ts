import { pgConstraint, pgErrorCode } from '../../../platform/db/database.ts';
import { conflict, invalid, type FieldError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { kstYear } from '../../../platform/kst.ts';
import { insertReservationLocked, OVERLAP_CONSTRAINT, type NewReservation } from '../db/reservations.repo.ts';
import { requestExpiresAt } from '../domain/deadlines.ts';
import type { Location, Patient } from '../domain/reservation.ts';
import type { ReservationsDeps } from './deps.ts';
import { requested } from './events.ts';
import { bookableCaregiver, bookingTimes, priceFor } from './get-quote.ts';
import { text } from './transition.ts';
import { encryptHealth, healthOf, toView, type ReservationView } from './view.ts';
import type { CreateReservationInput } from './schemas.ts';

export type { CreateReservationInput };

function checkLocation(deps: ReservationsDeps, location: Location): { location: Location; errors: FieldError[] } {
  const region = deps.caregivers.normaliseRegion({ sido: location.sido, sigungu: location.sigungu ?? null });
  const address = location.address.trim();
  const errors: FieldError[] = region.ok ? [] : [{ field: `location.${region.field}`, message: region.message }];
  if (address === '') errors.push({ field: 'location.address', message: 'must not be blank' });
  const normalised = region.ok ? { ...region.value, address } : location;
  return { location: normalised, errors };
}

function checkPatient(patient: Patient, now: Date): { patient: Patient; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = patient.name.trim();
  if (name === '') errors.push({ field: 'patient.name', message: 'must not be blank' });
  if (patient.birthYear !== undefined && patient.birthYear > kstYear(now)) {
    errors.push({ field: 'patient.birthYear', message: 'must not be in the future' });
  }
  const conditions = patient.conditions.map((c) => c.trim()).filter((c) => c !== '');
  const notes = text(patient.notes, 'patient.notes');
  const { notes: _given, ...rest } = patient;
  return { patient: { ...rest, name, conditions, ...(notes !== null ? { notes } : {}) }, errors };
}

/**
 * A guardian asks a caregiver for care: REQUESTED, priced now and for good. The caregiver must be APPROVED
 * and offer the service type. No two reservations holding one caregiver's time overlap: the database's
 * exclusion constraint refuses the second whatever the concurrency (409 RESERVATION_OVERLAP).
 */
export function makeCreateReservation(deps: ReservationsDeps) {
  const { platform } = deps;
  return async function createReservation(guardianId: string, input: CreateReservationInput): Promise<ReservationView> {
    const now = platform.clock.now();
    const times = bookingTimes(deps, input);
    const caregiver = await bookableCaregiver(deps, input.caregiverId);
    if (!caregiver.serviceTypes.includes(input.serviceType)) {
      throw invalid(
        'The caregiver does not offer this service type',
        [{ field: 'serviceType', message: `must be one the caregiver offers: ${caregiver.serviceTypes.join(', ')}` }],
        'SERVICE_TYPE_NOT_OFFERED',
      );
    }
    const location = checkLocation(deps, input.location);
    const patient = checkPatient(input.patient, now);
    const errors = [...location.errors, ...patient.errors];
    if (errors.length > 0) throw invalid('The reservation is not valid', errors);

    const quote = priceFor(deps, caregiver, { rateType: input.rateType, ...times });
    const id = newId();
    const row: NewReservation = {
      id,
      guardian_id: guardianId,
      caregiver_id: caregiver.id,
      caregiver_user_id: caregiver.userId,
      caregiver_name: caregiver.displayName,
      status: 'REQUESTED',
      rate_type: input.rateType,
      service_type: input.serviceType,
      start_at: times.startAt,
      end_at: times.endAt,
      location: location.location,
      patient_name: patient.patient.name,
      patient_birth_year: patient.patient.birthYear ?? null,
      patient_gender: patient.patient.gender ?? null,
      patient_health_encrypted: encryptHealth(platform.cipher, id, patient.patient),
      request_message: text(input.requestMessage, 'requestMessage'),
      quote,
      total_amount: quote.totalAmount,
      caregiver_note: null,
      rejection_reason: null,
      suggested_alternative: null,
      cancel_reason: null,
      cancelled_by: null,
      refund_amount: null,
      payment_id: null,
      expires_at: requestExpiresAt(now, times.startAt, deps.settings),
      checked_in_at: null,
      checked_out_at: null,
      ended_at: null,
      auto_completed: false,
      reminded_24h_at: null,
      reminded_1h_at: null,
      created_at: now,
      updated_at: now,
    };
    // One statement: the caregiver's schedule lock, the insert and the outbox row (one round trip).
    await platform.transact.oneStatement((db) => insertReservationLocked(db, row), [requested(row)]).catch((error: unknown) => {
      if (pgErrorCode(error) === '23P01' && pgConstraint(error) === OVERLAP_CONSTRAINT) {
        throw conflict('RESERVATION_OVERLAP', 'The caregiver already has a reservation at an overlapping time');
      }
      throw error;
    });
    return toView(row, platform.cipher, deps.settings, healthOf(patient.patient));
  };
}
