CREATE SCHEMA notifications;

-- One row per recipient of a domain event. `user_id` and the ids inside `data` are other modules' opaque
-- ids (no foreign keys). Title and body are rendered from (type, data) in the reader's language.
-- UNIQUE (event_id, user_id): a redelivered event never notifies anyone twice (besides the inbox).
CREATE TABLE notifications.notifications (
  id uuid PRIMARY KEY,
  user_id text NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  event_id text NOT NULL,
  read_at timestamptz,
  -- When the real-time frame went out (best effort); NULL = not yet pushed.
  pushed_at timestamptz,
  created_at timestamptz NOT NULL,
  CONSTRAINT notifications_event_recipient UNIQUE (event_id, user_id)
);
CREATE INDEX notifications_by_user ON notifications.notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications.notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL;
CREATE INDEX notifications_to_push ON notifications.notifications (created_at) WHERE pushed_at IS NULL;

-- Slack DMs as an outbox: written with the notification, sent by a worker outside any transaction.
-- PENDING -> SENT | FAILED (attempts exhausted) | SKIPPED (no Slack id or account inactive).
CREATE TABLE notifications.slack_deliveries (
  id uuid PRIMARY KEY,
  notification_id uuid NOT NULL UNIQUE,
  user_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX slack_deliveries_due ON notifications.slack_deliveries (next_attempt_at) WHERE status = 'PENDING';
