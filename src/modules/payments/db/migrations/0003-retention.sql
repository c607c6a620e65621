-- Retention (db/retention.repo.ts, docs/data-retention.md): five years after a payment (E-Commerce Act,
-- payment records) its personal fields are replaced and `personal_data_erased_at` records when; the
-- amounts, statuses, times and ids stay (settlements, statistics, tax).
ALTER TABLE payments.payments ADD COLUMN IF NOT EXISTS personal_data_erased_at timestamptz;
CREATE INDEX IF NOT EXISTS payments_personal_to_erase ON payments.payments (created_at) WHERE personal_data_erased_at IS NULL;
ALTER TABLE payments.refunds ADD COLUMN IF NOT EXISTS personal_data_erased_at timestamptz;
CREATE INDEX IF NOT EXISTS refunds_personal_to_erase ON payments.refunds (created_at) WHERE personal_data_erased_at IS NULL;
