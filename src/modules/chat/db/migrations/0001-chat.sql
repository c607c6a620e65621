CREATE SCHEMA chat;

-- One room per guardian-caregiver pair, opened by the guardian (the UNIQUE pair makes racing opens meet
-- on one row). guardian_id, caregiver_id (profile) and caregiver_user_id are other modules' opaque ids:
-- no foreign keys across modules. Names are copies taken when the room was opened (list display).
-- last_seq is the room's message counter: a send locks the room row to take the next number, so one
-- room's messages commit in seq order and history pages by seq never skip or repeat.
CREATE TABLE chat.rooms (
  id uuid PRIMARY KEY,
  guardian_id text NOT NULL,
  caregiver_id text NOT NULL,
  caregiver_user_id text NOT NULL,
  guardian_name text NOT NULL,
  caregiver_name text NOT NULL,
  last_seq integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  -- Last activity: the room's opening, then its latest message (lists sort by it, newest first).
  updated_at timestamptz NOT NULL,
  CONSTRAINT rooms_pair_unique UNIQUE (guardian_id, caregiver_id)
);
CREATE INDEX rooms_guardian_activity ON chat.rooms (guardian_id, updated_at DESC, id DESC);
CREATE INDEX rooms_caregiver_activity ON chat.rooms (caregiver_user_id, updated_at DESC, id DESC);

-- Only the participants' messages (no system messages). read_at: when the other participant read it.
-- phrase_id: sent as a quick phrase, shown to each reader in their language (domain/phrases.data.ts).
-- translations: {language: text} made by the AI provider for readers of another language.
CREATE TABLE chat.messages (
  id uuid PRIMARY KEY,
  room_id uuid NOT NULL REFERENCES chat.rooms (id),
  seq integer NOT NULL,
  sender_id text NOT NULL,
  client_message_id text,
  text text NOT NULL,
  phrase_id text,
  language text NOT NULL,
  translations jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  CONSTRAINT messages_room_seq_unique UNIQUE (room_id, seq),
  -- clientMessageId makes a send idempotent, per sender and room.
  CONSTRAINT messages_client_id_unique UNIQUE (room_id, sender_id, client_message_id)
);
CREATE INDEX messages_unread ON chat.messages (room_id, sender_id) WHERE read_at IS NULL;
CREATE INDEX messages_sender ON chat.messages (sender_id);

-- Per-user chat settings; no row = the defaults (translation on).
CREATE TABLE chat.user_settings (
  user_id text PRIMARY KEY,
  translation boolean NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Translations to make for a reader, written by the "chat.translate" consumer, worked off outside any
-- transaction by the translation poller (a provider call never holds a database transaction open); the
-- poller decides with the reader's current language and the sender's current setting.
CREATE TABLE chat.translation_jobs (
  message_id uuid NOT NULL REFERENCES chat.messages (id),
  reader_id text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (message_id, reader_id)
);
CREATE INDEX translation_jobs_due ON chat.translation_jobs (next_attempt_at);
