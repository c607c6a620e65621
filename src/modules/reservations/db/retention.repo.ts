import { sql } from 'kysely';
import type { RetentionRule } from '../../../platform/retention/retention.ts';
import { affected, firstDate } from '../../../platform/retention/statements.ts';

// Reservations' retention (docs/data-retention.md). Only finished reservations (ended_at set) are touched.
// - Patient health details (sensitive data, PIPA art. 23) and the guardian's free-text request are
//   destroyed RETENTION_PATIENT_HEALTH after the reservation ended: the care is over and the refund and
//   complaint window with it. Readers already show erased details as none (app/view.ts).
// - After RETENTION_PAYMENT_RECORDS (E-Commerce Act: contract records 5 years) the remaining personal
//   fields (patient name, birth year, gender, street address, the caregiver's note and name) are replaced;
//   ids, times, statuses and amounts stay for statistics and settlements.

/** What replaces names once the contract's retention period has passed. */
export const RETENTION_ERASED_NAME = '(보존기간 경과로 삭제됨)';

export const reservationsRetentionRules: readonly RetentionRule[] = [
  {
    table: 'reservations.reservations (patient health)',
    policy: 'patientHealth',
    action: 'anonymise',
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`UPDATE reservations.reservations SET patient_health_encrypted = NULL, request_message = NULL
             WHERE id IN (
               SELECT id FROM reservations.reservations
                WHERE patient_health_encrypted IS NOT NULL AND ended_at IS NOT NULL AND ended_at < ${cutoff}
                ORDER BY ended_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
            RETURNING 1`,
      ),
    oldest: (db) =>
      firstDate(
        db,
        sql<{ at: Date | null }>`SELECT min(ended_at) AS at FROM reservations.reservations
                                  WHERE patient_health_encrypted IS NOT NULL AND ended_at IS NOT NULL`,
      ),
  },
  {
    table: 'reservations.reservations (contract record)',
    policy: 'paymentRecords',
    action: 'anonymise',
    prune: (db, cutoff, limit) =>
      affected(
        db,
        sql`UPDATE reservations.reservations
               SET patient_name = ${RETENTION_ERASED_NAME}, patient_birth_year = NULL, patient_gender = NULL,
                   patient_health_encrypted = NULL, request_message = NULL, caregiver_note = NULL,
                   caregiver_name = ${RETENTION_ERASED_NAME},
                   location = jsonb_set(location, '{address}', '""'), personal_data_erased_at = now()
             WHERE id IN (
               SELECT id FROM reservations.reservations
                WHERE personal_data_erased_at IS NULL AND ended_at IS NOT NULL AND ended_at < ${cutoff}
                ORDER BY ended_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
            RETURNING 1`,
      ),
    oldest: (db) =>
      firstDate(
        db,
        sql<{ at: Date | null }>`SELECT min(ended_at) AS at FROM reservations.reservations
                                  WHERE personal_data_erased_at IS NULL AND ended_at IS NOT NULL`,
      ),
  },
];
