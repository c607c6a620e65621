import Type, { type Static } from 'typebox';

// The shapes the translation use case takes and gives, one TypeBox schema each (types via Static); the
// routes validate and serialise with them (http/schemas.ts re-exports them).

export const TRANSLATION_MAX_LENGTH = 5000;

export const LANGUAGE_CODE_PATTERN = '^[a-z]{2}$';

const languageCode = (description: string) => Type.String({ pattern: LANGUAGE_CODE_PATTERN, description });

export const TranslationRequest = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: TRANSLATION_MAX_LENGTH, description: '1 to 5000 characters, not only spaces' }),
    targetLanguage: languageCode('ISO 639-1 code, lower case: ko, en, zh, vi, ...'),
    sourceLanguage: Type.Optional(languageCode('a hint (ISO 639-1); detected from the script of the text when absent')),
  },
  { additionalProperties: false },
);
export type TranslationRequest = Static<typeof TranslationRequest>;

export const TranslationView = Type.Object({
  text: Type.String({ description: 'the translation, or the text itself when it is already in the target language' }),
  sourceLanguage: Type.String({ description: "ISO 639-1 code of the original ('und' when it has no letters)" }),
  targetLanguage: Type.String(),
  provider: Type.String({ description: "who translated: 'gemini', 'openai', or 'none' when nothing needed translating" }),
});
export type TranslationView = Static<typeof TranslationView>;
