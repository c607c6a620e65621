-- Revocations that outlive a restart (issue 12): a signed-out or replayed session ('session', its sid) or a
-- single access token ('token', its jti) is refused until expires_at, when no access token it covers can be
-- valid any more. Written in the transaction that revokes; read through the cache. Rows past expires_at are
-- dead and pruned by the retention job.
CREATE TABLE IF NOT EXISTS identity.revocations (
  kind text NOT NULL CHECK (kind IN ('token', 'session')),
  id text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE INDEX IF NOT EXISTS revocations_expires ON identity.revocations (expires_at);
