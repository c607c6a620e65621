// The seam to language models (ARCHITECTURE.md: provider adapters with a real and a local implementation).
// `rules` has no model: it answers search from the offline interpreter and cannot translate.

export interface AiProvider {
  /** 'gemini' | 'openai' (what `interpretedBy` and a translation's `provider` say). */
  readonly name: string;
  /** Where the text goes, for users (see TranslationProviderInfo in contract.ts). */
  readonly processedIn: string;
  /** Plain-text translation of `text` into `targetLanguage` (ISO 639-1); the source is a hint. */
  translate(input: { text: string; sourceLanguage: string; targetLanguage: string }): Promise<string>;
  /**
   * Fills `jsonSchema` (plain JSON Schema of the search filters) from a request in Korean or English. The
   * answer is untrusted JSON: the caller validates it and falls back to the rules interpreter.
   */
  interpretSearch(input: { query: string; jsonSchema: object; instructions: string }): Promise<unknown>;
}
