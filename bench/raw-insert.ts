// The raw insert of the reservations benchmark: the same table and exclusion constraint as a booking, the
// columns it cannot do without, no outbox row. Used by the raw SQL loop and by the bare HTTP route.
export const RAW_INSERT = `INSERT INTO reservations.reservations (id, guardian_id, caregiver_id, caregiver_user_id, caregiver_name, status,
   rate_type, service_type, start_at, end_at, location, patient_name, quote, total_amount, created_at, updated_at)
 VALUES ($1, 'g', $2, 'u', 'n', 'REQUESTED', 'HOURLY', 'HOSPITAL', $3, $4, '{}'::jsonb, 'p', '{}'::jsonb, 15000, now(), now())`;
