-- Ratings follow the reviews module's events (consumer 'caregivers.review-ratings'). Each event carries
-- the caregiver's whole review aggregate and its version; a profile keeps the version it applied, so a
-- redelivered or late event never overwrites a newer aggregate.
ALTER TABLE caregivers.profiles ADD COLUMN rating_version bigint NOT NULL DEFAULT 0;

-- domain/ranking.ts bayesianRating(rating_average, review_count), rounded to 4 decimals: the order of
-- GET /caregivers/top. Without reviews it is the prior mean (RANKING.priorMean = 3.5), hence the default.
ALTER TABLE caregivers.profiles ADD COLUMN rating_score numeric(7, 4) NOT NULL DEFAULT 3.5;

CREATE INDEX profiles_top ON caregivers.profiles (rating_score DESC, review_count DESC, id DESC) WHERE status = 'APPROVED';
