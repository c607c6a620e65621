CREATE EXTENSION IF NOT EXISTS btree_gist;

-- When each caregiver is booked: this module's copy of the reservations module's active reservations,
-- fed by its events (consumer 'caregivers.busy-slots', app/busy-slots-consumer.ts). No join into the
-- reservations schema: the search filter and the busy calendar read only this table.
-- One row per reservation. `active` rows hold the caregiver's time. A reservation that ended (rejected,
-- cancelled, expired, completed) keeps its row, inactive, as a tombstone: events arrive at least once and
-- possibly out of order, and a late 'requested' must not bring an ended reservation back.
CREATE TABLE caregivers.busy_slots (
  reservation_id uuid PRIMARY KEY,
  caregiver_id uuid NOT NULL,
  -- [startAt, endAt): back-to-back reservations do not overlap.
  during tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
  -- The reservation status of the event that wrote the row, and that event's occurredAt.
  status text NOT NULL,
  active boolean NOT NULL,
  event_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- "Is this caregiver busy at some time in [from, to)?": equality on the caregiver, overlap on the range,
-- both in one GiST index (btree_gist supplies the uuid equality). Active slots only: tombstones never match.
CREATE INDEX busy_slots_caregiver_during ON caregivers.busy_slots USING gist (caregiver_id, during) WHERE active;
