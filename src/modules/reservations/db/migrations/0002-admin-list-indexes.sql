-- GET /admin/reservations: newest first (created_at DESC, id DESC) with optional filters. Each filter
-- that can be used alone gets an index that serves both the filter and the order, so a page is a short
-- index range scan however many reservations accumulate. (guardian_id already has one: 0001.)
CREATE INDEX reservations_created ON reservations.reservations (created_at DESC, id DESC);
CREATE INDEX reservations_by_status ON reservations.reservations (status, created_at DESC, id DESC);
CREATE INDEX reservations_by_caregiver ON reservations.reservations (caregiver_id, created_at DESC, id DESC);
-- ?from&to select on start_at (the care period), not on the booking time.
CREATE INDEX reservations_start ON reservations.reservations (start_at);
