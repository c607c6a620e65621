CREATE SCHEMA payments;

-- Toss's customerKey per guardian: random, so it says nothing about the user (Toss asks for an
-- unguessable value, never an email, phone number or our own user id).
CREATE TABLE payments.customers (
  guardian_id text PRIMARY KEY,
  customer_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);

-- One row per order sent to the provider. Statuses are Toss's. `reservation_id`, `guardian_id` and
-- `caregiver_user_id` are other modules' opaque ids: copied here, no foreign keys across modules.
CREATE TABLE payments.payments (
  id uuid PRIMARY KEY,
  reservation_id text NOT NULL,
  guardian_id text NOT NULL,
  caregiver_user_id text NOT NULL,
  order_id text NOT NULL UNIQUE CHECK (order_id ~ '^[A-Za-z0-9_-]{6,64}$'),
  order_name text NOT NULL,
  amount integer NOT NULL CHECK (amount > 0),
  status text NOT NULL CHECK (status IN ('READY', 'IN_PROGRESS', 'WAITING_FOR_DEPOSIT', 'DONE', 'CANCELED', 'PARTIAL_CANCELED', 'ABORTED', 'EXPIRED')),
  provider text NOT NULL CHECK (provider IN ('sandbox', 'toss')),
  payment_key text,
  method text,
  approved_at timestamptz,
  receipt_url text,
  balance_amount integer NOT NULL CHECK (balance_amount >= 0 AND balance_amount <= amount),
  -- [{amount, reason, at, transactionKey}], oldest first, as the provider reported them.
  cancels jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- The provider's refusal of the last confirm (e.g. REJECT_CARD_PAYMENT).
  failure_code text,
  failure_message text,
  -- Confirm bookkeeping: the provider Idempotency-Key is confirm-<order_id>, suffixed with the
  -- generation after a refusal that proved nothing was charged (a provider replays refusals too).
  confirm_attempts integer NOT NULL DEFAULT 0,
  confirm_key_generation integer NOT NULL DEFAULT 0,
  last_confirm_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- One live payment per reservation; a declined (ABORTED) or EXPIRED order leaves room for a new one.
CREATE UNIQUE INDEX payments_one_live_per_reservation ON payments.payments (reservation_id)
  WHERE status IN ('READY', 'IN_PROGRESS', 'WAITING_FOR_DEPOSIT', 'DONE', 'PARTIAL_CANCELED');
CREATE INDEX payments_reservation ON payments.payments (reservation_id);
CREATE INDEX payments_payment_key ON payments.payments (payment_key) WHERE payment_key IS NOT NULL;
CREATE INDEX payments_confirming ON payments.payments (last_confirm_at) WHERE status = 'IN_PROGRESS';
CREATE INDEX payments_guardian ON payments.payments (guardian_id, created_at);

-- Refunds the sagas asked for, carried out by the refund worker outside any transaction. Requested
-- once per (reservation, reason); the provider Idempotency-Key (refund-<reservationId> or
-- refund-orphan-<paymentId>) stays the same across retries and crashes, so a refund is paid once.
CREATE TABLE payments.refunds (
  id uuid PRIMARY KEY,
  payment_id uuid NOT NULL REFERENCES payments.payments (id),
  reservation_id text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('RESERVATION_CANCELLED', 'PAYMENT_REFUSED')),
  cancel_reason text NOT NULL,
  -- NULL: whatever balance is left (a full refund).
  amount integer CHECK (amount > 0),
  idempotency_key text NOT NULL UNIQUE,
  key_generation integer NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('PENDING', 'DONE', 'SKIPPED', 'FAILED')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  refunded_amount integer,
  transaction_key text,
  source_event_id text NOT NULL,
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  UNIQUE (reservation_id, reason)
);
CREATE INDEX refunds_due ON payments.refunds (next_attempt_at) WHERE status = 'PENDING';

-- The sandbox provider's own state (what Toss would keep on its side), so sandbox payments can be
-- confirmed and refunded after a restart. Written only by the sandbox, never read by the module.
CREATE TABLE payments.sandbox_entries (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
