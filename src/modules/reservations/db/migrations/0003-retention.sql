-- Retention (db/retention.repo.ts, docs/data-retention.md). Patient health details are destroyed when the
-- care and its dispute window are over; the rest of the contract's personal fields once the E-Commerce
-- Act's five years have passed (`personal_data_erased_at` records when; ids, times, amounts stay).
ALTER TABLE reservations.reservations ADD COLUMN IF NOT EXISTS personal_data_erased_at timestamptz;
CREATE INDEX IF NOT EXISTS reservations_health_to_erase ON reservations.reservations (ended_at)
  WHERE patient_health_encrypted IS NOT NULL AND ended_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS reservations_personal_to_erase ON reservations.reservations (ended_at)
  WHERE personal_data_erased_at IS NULL AND ended_at IS NOT NULL;
