-- Idempotency-Key: the first response to (scope, key) is kept and replayed for the same request.
CREATE TABLE platform.idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON platform.idempotency_keys (created_at);
