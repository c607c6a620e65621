-- GET /admin/payments filters by caregiver: the caregiver's profile id (the id reservations and the
-- caregivers module use), copied from the reservation when the payment is opened, like guardian_id.
ALTER TABLE payments.payments ADD COLUMN caregiver_id text;

-- Backfill of payments opened before this column existed. A one-time data copy, allowed to read the
-- reservations schema only because both live in the same database (embedded and scaled modes); where
-- reservations has its own database (split mode) the table is not there, nothing is copied and old rows
-- keep caregiver_id NULL (they then match no caregiverId filter). docs/decisions/0009-admin-read-models.md
DO $$
BEGIN
  IF to_regclass('reservations.reservations') IS NOT NULL THEN
    UPDATE payments.payments p
       SET caregiver_id = r.caregiver_id::text
      FROM reservations.reservations r
     WHERE p.caregiver_id IS NULL AND r.id::text = p.reservation_id;
  END IF;
END
$$;

-- Newest first (created_at DESC, id DESC), alone or with one filter; ?from&to select on created_at and
-- use payments_created. guardian_id has payments_guardian (0001).
CREATE INDEX payments_created ON payments.payments (created_at DESC, id DESC);
CREATE INDEX payments_by_status ON payments.payments (status, created_at DESC, id DESC);
CREATE INDEX payments_by_caregiver ON payments.payments (caregiver_id, created_at DESC, id DESC);
