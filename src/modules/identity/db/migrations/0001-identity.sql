CREATE EXTENSION IF NOT EXISTS citext;
CREATE SCHEMA identity;

CREATE TABLE identity.users (
  id uuid PRIMARY KEY,
  email citext NOT NULL,
  password_hash text NOT NULL,
  name text NOT NULL,
  phone text,
  role text NOT NULL CHECK (role IN ('GUARDIAN', 'CAREGIVER', 'ADMIN')),
  preferred_language text NOT NULL DEFAULT 'ko',
  slack_user_id text,
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'WITHDRAWN')),
  -- Access tokens issued before this instant are refused (withdrawal, suspension).
  tokens_valid_after timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  withdrawn_at timestamptz
);
-- Case-insensitive uniqueness comes from citext; withdrawn accounts get a unique placeholder address.
CREATE UNIQUE INDEX users_email ON identity.users (email);
CREATE INDEX users_role_created ON identity.users (role, created_at DESC, id DESC);

-- Refresh tokens are stored as SHA-256 hashes. One login starts a family; each refresh uses up one
-- token and adds the next. A used token shown again means theft: the whole family is revoked.
CREATE TABLE identity.refresh_tokens (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES identity.users (id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family ON identity.refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON identity.refresh_tokens (user_id) WHERE revoked_at IS NULL;
