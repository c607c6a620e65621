-- btree_gist lets one GiST index combine equality on caregiver_id with range overlap on `during`.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE SCHEMA reservations;

-- guardian_id, caregiver_id and caregiver_user_id are other modules' opaque ids: no foreign keys across
-- modules. The caregiver's display name and the quote are copies taken at booking time.
CREATE TABLE reservations.reservations (
  id uuid PRIMARY KEY,
  guardian_id text NOT NULL,
  caregiver_id uuid NOT NULL,
  caregiver_user_id text NOT NULL,
  caregiver_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('REQUESTED', 'ACCEPTED', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'CANCELLED', 'EXPIRED')),
  rate_type text NOT NULL CHECK (rate_type IN ('HOURLY', 'DAILY')),
  service_type text NOT NULL,
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  -- Half-open: a booking ending at 12:00 and one starting at 12:00 do not overlap.
  during tstzrange GENERATED ALWAYS AS (tstzrange(start_at, end_at, '[)')) STORED,
  -- {sido, sigungu?, address}
  location jsonb NOT NULL,
  patient_name text NOT NULL,
  patient_birth_year integer,
  patient_gender text CHECK (patient_gender IN ('MALE', 'FEMALE')),
  -- {conditions, notes} as JSON, AES-256-GCM with the reservation id as associated data (platform/crypto.ts).
  -- NULL only once the guardian withdrew and the details were erased.
  patient_health_encrypted text,
  request_message text,
  -- The quote the reservation was made with: {caregiverId, rateType, startAt, endAt, lines, totalAmount}.
  quote jsonb NOT NULL,
  total_amount integer NOT NULL CHECK (total_amount >= 0),
  caregiver_note text,
  rejection_reason text,
  suggested_alternative text,
  cancel_reason text,
  cancelled_by text CHECK (cancelled_by IN ('GUARDIAN', 'CAREGIVER', 'ADMIN')),
  refund_amount integer CHECK (refund_amount >= 0),
  -- The payment that confirmed it (payments module's id).
  payment_id text,
  -- REQUESTED: the request deadline; ACCEPTED: the payment deadline; NULL otherwise.
  expires_at timestamptz,
  checked_in_at timestamptz,
  checked_out_at timestamptz,
  -- When it reached a final status (COMPLETED, REJECTED, CANCELLED, EXPIRED).
  ended_at timestamptz,
  auto_completed boolean NOT NULL DEFAULT false,
  reminded_24h_at timestamptz,
  reminded_1h_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT reservations_time_order CHECK (end_at > start_at),
  -- No two reservations that hold a caregiver's time may overlap, whatever the concurrency: the
  -- database refuses the second (SQLSTATE 23P01, answered 409 RESERVATION_OVERLAP).
  CONSTRAINT reservations_no_overlap EXCLUDE USING gist (caregiver_id WITH =, during WITH &&)
    WHERE (status IN ('REQUESTED', 'ACCEPTED', 'CONFIRMED', 'IN_PROGRESS'))
);

-- Participant lists, newest first (GET /reservations), and the withdrawal check.
CREATE INDEX reservations_by_guardian ON reservations.reservations (guardian_id, created_at DESC, id DESC);
CREATE INDEX reservations_by_caregiver_user ON reservations.reservations (caregiver_user_id, created_at DESC, id DESC);

-- Timers (app/timers.ts): each index holds only the rows its job may still act on, so a poll is a short
-- index range scan however many finished reservations accumulate.
CREATE INDEX reservations_timer_expiry ON reservations.reservations (expires_at)
  WHERE status IN ('REQUESTED', 'ACCEPTED');
CREATE INDEX reservations_timer_completion ON reservations.reservations (end_at)
  WHERE status IN ('CONFIRMED', 'IN_PROGRESS');
CREATE INDEX reservations_timer_reminders ON reservations.reservations (start_at)
  WHERE status = 'CONFIRMED' AND reminded_1h_at IS NULL;
