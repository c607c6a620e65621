-- The retention worker deletes busy-slot tombstones (inactive rows) some weeks after their last change,
-- oldest first, in small batches (db/retention.repo.ts).
CREATE INDEX IF NOT EXISTS busy_slots_tombstones ON caregivers.busy_slots (updated_at) WHERE NOT active;
