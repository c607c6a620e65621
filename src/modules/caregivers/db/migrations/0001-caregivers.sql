CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE SCHEMA caregivers;

-- One profile per CAREGIVER user. `user_id` is identity's opaque id: no foreign key across modules.
CREATE TABLE caregivers.profiles (
  id uuid PRIMARY KEY,
  user_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED')),
  display_name text NOT NULL,
  gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
  birth_year integer NOT NULL,
  career_years integer NOT NULL CHECK (career_years >= 0),
  introduction text NOT NULL,
  certificates jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- The regions as entered (normalised), in order, for display: [{sido, sigungu?}].
  regions jsonb NOT NULL,
  -- The same regions as search keys: '서울특별시' (somewhere in Seoul), '서울특별시/*' (all of Seoul),
  -- '서울특별시/강남구'. A region filter is then one overlap test (&&) on a GIN index.
  region_keys text[] NOT NULL,
  service_types text[] NOT NULL,
  languages text[] NOT NULL,
  hourly_rate integer NOT NULL CHECK (hourly_rate > 0),
  daily_rate integer NOT NULL CHECK (daily_rate > 0),
  rejection_reason text,
  -- Maintained from review events; 0 without reviews.
  rating_average numeric(3, 2) NOT NULL DEFAULT 0 CHECK (rating_average BETWEEN 0 AND 5),
  review_count integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
  -- domain/ranking.ts recommendedScore(rating_average, review_count, career_years), stored so the
  -- "recommended" sort is a plain index walk; recomputed whenever an input changes.
  recommended_score numeric(7, 4) NOT NULL,
  -- The latest PHOTO document, served at /caregivers/:id/photo while the profile is APPROVED.
  photo_document_id uuid,
  -- What `q` searches: lower-cased so ILIKE and LIKE agree with the trigram index.
  search_text text GENERATED ALWAYS AS (lower(display_name || ' ' || introduction)) STORED,
  -- When the profile last entered review (creation or resubmission): the admin queue's order.
  submitted_at timestamptz NOT NULL,
  reviewed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Set when the user withdrew: the profile is anonymised and SUSPENDED for good.
  withdrawn_at timestamptz,
  CONSTRAINT profiles_user_id_key UNIQUE (user_id),
  CONSTRAINT profiles_rejection_reason CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL))
);

-- The admin review queue: ?status=PENDING oldest submission first.
CREATE INDEX profiles_status_queue ON caregivers.profiles (status, submitted_at, id);

-- Search. Every index covers APPROVED profiles only: the public never sees the others, and the
-- indexes stay as small as the searchable set. Queries repeat `status = 'APPROVED'` as a literal so
-- the planner can prove the partial index applies.
-- fastupdate = off: profiles are written rarely and searched constantly, so each write updates the GIN
-- index at once instead of parking entries in a pending list that every search would scan (and that
-- makes the planner shun the index until a VACUUM flushes it).
CREATE INDEX profiles_search_regions ON caregivers.profiles USING gin (region_keys) WITH (fastupdate = off) WHERE status = 'APPROVED';
CREATE INDEX profiles_search_service_types ON caregivers.profiles USING gin (service_types) WITH (fastupdate = off) WHERE status = 'APPROVED';
CREATE INDEX profiles_search_languages ON caregivers.profiles USING gin (languages) WITH (fastupdate = off) WHERE status = 'APPROVED';
CREATE INDEX profiles_search_text ON caregivers.profiles USING gin (search_text gin_trgm_ops) WITH (fastupdate = off) WHERE status = 'APPROVED';

-- One B-tree per sort order: (sort key, id) in the order of the page, so a page is an index walk
-- that starts right after the cursor's (value, id) and stops after `limit` rows.
CREATE INDEX profiles_sort_recommended ON caregivers.profiles (recommended_score DESC, id DESC) WHERE status = 'APPROVED';
CREATE INDEX profiles_sort_rating ON caregivers.profiles (rating_average DESC, id DESC) WHERE status = 'APPROVED';
CREATE INDEX profiles_sort_review_count ON caregivers.profiles (review_count DESC, id DESC) WHERE status = 'APPROVED';
CREATE INDEX profiles_sort_career_years ON caregivers.profiles (career_years DESC, id DESC) WHERE status = 'APPROVED';
CREATE INDEX profiles_sort_hourly_rate ON caregivers.profiles (hourly_rate, id) WHERE status = 'APPROVED';
CREATE INDEX profiles_sort_daily_rate ON caregivers.profiles (daily_rate, id) WHERE status = 'APPROVED';

-- Uploaded files: the bytes are in FileStorage under `storage_key`, never in the database.
CREATE TABLE caregivers.documents (
  id uuid PRIMARY KEY,
  caregiver_id uuid NOT NULL REFERENCES caregivers.profiles (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('CERTIFICATE', 'ID_CARD', 'PHOTO', 'OTHER')),
  content_type text NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  storage_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);
CREATE INDEX documents_caregiver ON caregivers.documents (caregiver_id, created_at, id);
