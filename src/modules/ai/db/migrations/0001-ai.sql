CREATE SCHEMA ai;

-- Translations already made, so each text is sent to the provider once per target language, whichever
-- replica asks and across restarts. Keyed by the SHA-256 of the source text and the target language: the
-- source text itself is not stored. Rows older than AI_TRANSLATION_CACHE_TTL are not used and are deleted
-- (the translated text of a message or review is personal data as much as the original).
CREATE TABLE ai.translations (
  text_hash text NOT NULL,
  target_language text NOT NULL,
  source_language text NOT NULL,
  translated_text text NOT NULL,
  provider text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (text_hash, target_language)
);

CREATE INDEX translations_created_at_idx ON ai.translations (created_at);
