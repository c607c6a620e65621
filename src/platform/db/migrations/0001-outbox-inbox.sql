-- The outbox: events written in the same transaction as the state change they describe.
-- The relay publishes rows in `seq` order and marks them; nothing is lost if the process dies between.
CREATE TABLE platform.outbox (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  type text NOT NULL,
  aggregate_id text NOT NULL,
  payload jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  published_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX outbox_unpublished ON platform.outbox (seq) WHERE published_at IS NULL;

-- The inbox: which consumer has already handled which event, so redelivery changes nothing.
CREATE TABLE platform.inbox (
  consumer text NOT NULL,
  event_id uuid NOT NULL,
  handled_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);

-- Events a consumer could not handle after its retries; kept for an operator to replay.
CREATE TABLE platform.dead_letters (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consumer text NOT NULL,
  event_id uuid NOT NULL,
  type text NOT NULL,
  event jsonb NOT NULL,
  error text NOT NULL,
  failed_at timestamptz NOT NULL DEFAULT now()
);

-- Who read what sensitive data when (documents, patient details): written, never updated.
CREATE TABLE platform.audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor_id text,
  actor_role text,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_at ON platform.audit_log (at DESC);
CREATE INDEX audit_log_resource ON platform.audit_log (resource_type, resource_id);
