-- Sign-up consents (issue 13): which version of the terms, the privacy notice and (caregivers) the sensitive-data
-- notice the user agreed to, the marketing choice, and when. Null versions: not agreed, or an API client that sent
-- no consents (the API keeps them optional; the web app requires them). One row per account, written with it.
CREATE TABLE IF NOT EXISTS identity.consents (
  user_id text PRIMARY KEY,
  terms_version text,
  privacy_version text,
  sensitive_version text,
  marketing boolean,
  recorded_at timestamptz NOT NULL
);
