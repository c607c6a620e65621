CREATE SCHEMA settlements;

-- The money ledger, fed by payment events (consumer 'settlements.ledger'): one row per payment or refund,
-- keyed by the event id so a redelivery adds nothing. A row belongs to at most one settlement line:
-- settlement_id is set once, by the run that settles it (UPDATE ... WHERE settlement_id IS NULL).
CREATE TABLE settlements.entries (
  id uuid PRIMARY KEY,
  event_id text NOT NULL,
  reservation_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('PAYMENT', 'REFUND')),
  amount bigint NOT NULL CHECK (amount >= 0),
  occurred_at timestamptz NOT NULL,
  settlement_id uuid,
  created_at timestamptz NOT NULL,
  CONSTRAINT entries_event_key UNIQUE (event_id)
);
CREATE INDEX entries_unsettled ON settlements.entries (reservation_id) WHERE settlement_id IS NULL;
CREATE INDEX entries_by_reservation ON settlements.entries (reservation_id);

-- Reservations that finished with money kept (COMPLETED, or CANCELLED with less than everything refunded),
-- fed by reservation events; a copy of the caregiver it is paid to. finished_at decides the period.
CREATE TABLE settlements.finished_reservations (
  reservation_id uuid PRIMARY KEY,
  caregiver_id text NOT NULL,
  caregiver_user_id text NOT NULL,
  caregiver_name text NOT NULL,
  finish_kind text NOT NULL CHECK (finish_kind IN ('COMPLETED', 'CANCELLED')),
  finished_at timestamptz NOT NULL
);
CREATE INDEX finished_by_time ON settlements.finished_reservations (finished_at);
CREATE INDEX finished_by_caregiver_user ON settlements.finished_reservations (caregiver_user_id, finished_at);

-- Every run (manual or scheduled), with its totals. One scheduled run per period start, whatever the replicas.
CREATE TABLE settlements.runs (
  id uuid PRIMARY KEY,
  actor_id text,
  trigger text NOT NULL CHECK (trigger IN ('MANUAL', 'SCHEDULE')),
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL CHECK (period_end > period_start),
  settlement_count integer NOT NULL,
  gross_amount bigint NOT NULL,
  commission_amount bigint NOT NULL,
  net_amount bigint NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX runs_one_schedule_per_period ON settlements.runs (trigger, period_start) WHERE trigger = 'SCHEDULE';
CREATE INDEX runs_newest ON settlements.runs (created_at DESC, id DESC);

-- One per caregiver and run; amounts in KRW, the rate in basis points (1000 = 10 %).
CREATE TABLE settlements.settlements (
  id uuid PRIMARY KEY,
  run_id uuid NOT NULL REFERENCES settlements.runs (id),
  caregiver_id text NOT NULL,
  caregiver_user_id text NOT NULL,
  caregiver_name text NOT NULL,
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL,
  gross_amount bigint NOT NULL,
  commission_amount bigint NOT NULL,
  net_amount bigint NOT NULL,
  commission_rate_bps integer NOT NULL CHECK (commission_rate_bps BETWEEN 0 AND 9999),
  status text NOT NULL CHECK (status IN ('PENDING', 'PAID')),
  created_at timestamptz NOT NULL,
  paid_at timestamptz,
  transfer_reference text,
  payout_provider text,
  CONSTRAINT settlements_paid_has_time CHECK ((status = 'PAID') = (paid_at IS NOT NULL))
);
CREATE INDEX settlements_newest ON settlements.settlements (created_at DESC, id DESC);
CREATE INDEX settlements_by_caregiver_user ON settlements.settlements (caregiver_user_id, created_at DESC, id DESC);

-- A settlement's lines: one FINISHED line per reservation ever (the database's guard against settling a
-- reservation twice), and LATE_REFUND lines for money that moved after that.
CREATE TABLE settlements.lines (
  id uuid PRIMARY KEY,
  settlement_id uuid NOT NULL REFERENCES settlements.settlements (id),
  reservation_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('FINISHED', 'LATE_REFUND')),
  finished_at timestamptz NOT NULL,
  paid bigint NOT NULL,
  refunded bigint NOT NULL,
  amount bigint NOT NULL,
  commission_amount bigint NOT NULL,
  net_amount bigint NOT NULL,
  position integer NOT NULL
);
CREATE UNIQUE INDEX lines_one_finished_per_reservation ON settlements.lines (reservation_id) WHERE kind = 'FINISHED';
CREATE INDEX lines_by_settlement ON settlements.lines (settlement_id, position);
CREATE INDEX lines_by_finished_at ON settlements.lines (finished_at);
