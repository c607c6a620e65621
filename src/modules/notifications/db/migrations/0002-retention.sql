-- The retention worker deletes read notifications some months after they were read, unread ones after a
-- longer period, and Slack deliveries that ended; oldest first in small batches (db/retention.repo.ts).
CREATE INDEX IF NOT EXISTS notifications_read_at ON notifications.notifications (read_at) WHERE read_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS notifications_unread_age ON notifications.notifications (created_at) WHERE read_at IS NULL;
CREATE INDEX IF NOT EXISTS slack_deliveries_ended ON notifications.slack_deliveries (updated_at) WHERE status <> 'PENDING';
