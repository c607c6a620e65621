import { PHRASE_LANGUAGES, PHRASES, type Phrase, type PhraseLanguage } from './phrases.data.ts';

// Looking phrases up and choosing the language a reader sees them in. Pure.

export { PHRASES, PHRASE_LANGUAGES, type Phrase, type PhraseLanguage };

const byId = new Map(PHRASES.map((phrase) => [phrase.id, phrase]));

export function findPhrase(id: string): Phrase | undefined {
  return byId.get(id);
}

/** The phrase language closest to a user's preferredLanguage (`zh-TW` -> zh); English when none fits. */
export function phraseLanguage(preferredLanguage: string | undefined): PhraseLanguage {
  const base = (preferredLanguage ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (PHRASE_LANGUAGES as readonly string[]).includes(base) ? (base as PhraseLanguage) : 'en';
}

/** Which language of `phrase` `text` is written in (exact match after trimming), if any. */
export function phraseTextLanguage(phrase: Phrase, text: string): PhraseLanguage | undefined {
  return PHRASE_LANGUAGES.find((language) => phrase.texts[language] === text.trim());
}

/** Every rendition of the phrase except `language`'s: what a phrase message carries as its translations. */
export function phraseTranslations(phrase: Phrase, language: string): Record<string, string> {
  return Object.fromEntries(PHRASE_LANGUAGES.filter((l) => l !== language).map((l) => [l, phrase.texts[l]]));
}
