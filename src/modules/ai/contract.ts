// What other modules may know of the AI module: offline language detection and translation. Chat translates
// messages with it in the background, reviews answer GET /reviews/:id/translation with it.

/** ISO 639-1 code: ko, en, zh, vi, ... */
export type LanguageCode = string;

export interface Translation {
  readonly text: string;
  readonly sourceLanguage: LanguageCode;
  readonly targetLanguage: LanguageCode;
  /** Who translated: 'gemini', 'openai', or 'none' when the text was already in the target language. */
  readonly provider: string;
}

/** The provider that translates, as users are told (PIPA: personal text sent abroad is a cross-border transfer). */
export interface TranslationProviderInfo {
  readonly name: string;
  /** Where the text is processed, in words a user understands, e.g. 'Google (United States)'. */
  readonly processedIn: string;
}

export interface AiApi {
  /** The configured provider that can translate; undefined with AI_PROVIDER=rules (no translation). */
  readonly translationProvider: TranslationProviderInfo | undefined;
  /** The language of `text` from its script, offline (Hangul ko, Han zh, Vietnamese diacritics vi, other Latin en). */
  detectLanguage(text: string): LanguageCode;
  /**
   * Translates `text` (cached per text and target language, so each text is translated once). `userId` is the
   * person the call is made for: calls reaching an external provider are rate-limited per user.
   * Throws AppError 503 AI_UNAVAILABLE without a provider that translates (or when it fails), 429 when limited.
   */
  translate(input: { text: string; targetLanguage: LanguageCode; sourceLanguage?: LanguageCode; userId?: string }): Promise<Translation>;
}
