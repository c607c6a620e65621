CREATE SCHEMA reviews;

-- This module's copy of the reservations that completed, fed by reservation.completed.v1 (consumer
-- 'reviews.completed-reservations'). Whether a guardian may review a reservation is read here: no join
-- into the reservations schema.
CREATE TABLE reviews.completed_reservations (
  reservation_id uuid PRIMARY KEY,
  guardian_id text NOT NULL,
  caregiver_id uuid NOT NULL,
  caregiver_user_id text NOT NULL,
  completed_at timestamptz NOT NULL
);

-- One review per reservation, ever: a deleted review keeps its row (deleted_at set) so the reservation
-- cannot be reviewed twice.
CREATE TABLE reviews.reviews (
  id uuid PRIMARY KEY,
  reservation_id uuid NOT NULL,
  caregiver_id uuid NOT NULL,
  caregiver_user_id text NOT NULL,
  guardian_id text NOT NULL,
  -- What the public sees of the author (`김**`), fixed when the review is written.
  author_name text NOT NULL,
  rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
  content text NOT NULL CHECK (char_length(content) BETWEEN 10 AND 1000),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  CONSTRAINT reviews_reservation_key UNIQUE (reservation_id)
);

-- A caregiver's reviews, newest first (the public list's cursor walk).
CREATE INDEX reviews_by_caregiver ON reviews.reviews (caregiver_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;

-- The caregiver's aggregate over live reviews, locked (FOR UPDATE) by every review change so changes
-- of one caregiver are serialised and each event carries the aggregate with a version one higher.
CREATE TABLE reviews.caregiver_stats (
  caregiver_id uuid PRIMARY KEY,
  review_count integer NOT NULL CHECK (review_count >= 0),
  rating_sum integer NOT NULL CHECK (rating_sum >= 0),
  version bigint NOT NULL
);
