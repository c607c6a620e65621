-- Issue 15: the default order (recommended) of a search by service type, usually with a region. The general
-- profiles_sort_recommended walk reads every approved profile in score order until 21 match both filters
-- (~460 rows for 서울 강남 + HOSPITAL over 10,000); one partial index per service type walks only the profiles
-- offering it (~185 rows). The search writes one `service_types @> ARRAY[x]` clause per type, so the planner
-- can prove each predicate; with several types it takes the cheapest. Other sorts keep their general index.
CREATE INDEX profiles_recommended_hospital ON caregivers.profiles (recommended_score DESC, id DESC) WHERE status = 'APPROVED' AND service_types @> '{HOSPITAL}'::text[];
CREATE INDEX profiles_recommended_home ON caregivers.profiles (recommended_score DESC, id DESC) WHERE status = 'APPROVED' AND service_types @> '{HOME}'::text[];
CREATE INDEX profiles_recommended_night ON caregivers.profiles (recommended_score DESC, id DESC) WHERE status = 'APPROVED' AND service_types @> '{NIGHT}'::text[];
CREATE INDEX profiles_recommended_live_in ON caregivers.profiles (recommended_score DESC, id DESC) WHERE status = 'APPROVED' AND service_types @> '{LIVE_IN}'::text[];
CREATE INDEX profiles_recommended_dementia ON caregivers.profiles (recommended_score DESC, id DESC) WHERE status = 'APPROVED' AND service_types @> '{DEMENTIA}'::text[];
CREATE INDEX profiles_recommended_rehabilitation ON caregivers.profiles (recommended_score DESC, id DESC) WHERE status = 'APPROVED' AND service_types @> '{REHABILITATION}'::text[];
CREATE INDEX profiles_recommended_companion ON caregivers.profiles (recommended_score DESC, id DESC) WHERE status = 'APPROVED' AND service_types @> '{COMPANION}'::text[];
