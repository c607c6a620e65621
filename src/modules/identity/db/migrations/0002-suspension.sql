-- Suspension by an admin (issue 11): when and why, kept while SUSPENDED and cleared on unsuspension
-- (the audit log keeps the history). The admin list pages newest first, optionally of one status.
ALTER TABLE identity.users ADD COLUMN IF NOT EXISTS suspended_at timestamptz;
ALTER TABLE identity.users ADD COLUMN IF NOT EXISTS suspension_reason text;
CREATE INDEX IF NOT EXISTS users_created ON identity.users (created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS users_status_created ON identity.users (status, created_at DESC, id DESC);
