// Offline language detection from the script of the letters (issue 10: Hangul/Han/Latin plus Vietnamese
// diacritics is enough to decide whether a chat message needs translating for its reader). Pure.
//
// Each letter votes for a language: Hangul ko, kana ja, Han ideographs zh (ja when the text has kana too),
// Cyrillic ru, Thai th, Latin en or vi. A Hangul syllable or an ideograph carries about as much as two Latin
// letters, so it weighs 2: "MRI 검사 있어요" is Korean, "Please call 김영희" English. The heaviest wins.

/** Text without any letter (digits, emoji, punctuation): nothing to translate. ISO 639-2 "undetermined". */
export const UNDETERMINED = 'und';

// Letters only Vietnamese uses among Latin-script languages: ă đ ơ ư, ĩ ũ, and the precomposed letters with
// a tone mark of Latin Extended Additional (ạ ả ấ ... ỹ).
const VIETNAMESE_ONLY = /[ăđơưĩũ\u1ea0-\u1ef9]/u;
// Diacritics Vietnamese shares with French, Spanish, Portuguese (â ê ô, à á è é ì í ò ó ù ú ý ã õ).
const SHARED_DIACRITIC = /[âêôàáèéìíòóùúýãõ]/u;

type Script = 'hangul' | 'kana' | 'han' | 'latin' | 'cyrillic' | 'thai';

function scriptOf(char: string): Script | undefined {
  const code = char.codePointAt(0) ?? 0;
  if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) return 'hangul';
  if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x31f0 && code <= 0x31ff) || (code >= 0xff66 && code <= 0xff9d)) return 'kana';
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x2fa1f)) {
    return 'han';
  }
  if (code >= 0x0400 && code <= 0x04ff) return 'cyrillic';
  if (code >= 0x0e00 && code <= 0x0e7f) return 'thai';
  if (/\p{Script=Latin}/u.test(char) && /\p{L}/u.test(char)) return 'latin';
  return undefined;
}

const WEIGHT: Readonly<Record<Script, number>> = { hangul: 2, kana: 2, han: 2, latin: 1, cyrillic: 1, thai: 1 };

/**
 * The language of `text` (ISO 639-1), from its letters: ko, ja, zh, vi, en, ru, th; `und` without letters.
 * Vietnamese: Latin text with a letter only Vietnamese uses, and diacritics on at least a tenth of its letters
 * (so an English sentence naming "Nguyễn" stays English).
 */
export function detectLanguage(text: string): string {
  const weights: Record<Script, number> = { hangul: 0, kana: 0, han: 0, latin: 0, cyrillic: 0, thai: 0 };
  let vietnameseOnly = 0;
  let diacritics = 0;
  for (const char of text.normalize('NFC')) {
    const script = scriptOf(char);
    if (script === undefined) continue;
    weights[script] += WEIGHT[script];
    if (script !== 'latin') continue;
    const lower = char.toLowerCase();
    if (VIETNAMESE_ONLY.test(lower)) {
      vietnameseOnly += 1;
      diacritics += 1;
    } else if (SHARED_DIACRITIC.test(lower)) {
      diacritics += 1;
    }
  }
  // Japanese writes with kana and kanji together: with any kana, the ideographs count as Japanese.
  const japanese = weights.kana > 0 ? weights.kana + weights.han : 0;
  const candidates: [string, number][] = [
    ['ko', weights.hangul],
    ['ja', japanese],
    ['zh', japanese > 0 ? 0 : weights.han],
    ['latin', weights.latin],
    ['ru', weights.cyrillic],
    ['th', weights.thai],
  ];
  // Ties go to the first listed: Korean text quoting a word of English stays Korean.
  let best: [string, number] = ['', 0];
  for (const candidate of candidates) if (candidate[1] > best[1]) best = candidate;
  if (best[1] === 0) return UNDETERMINED;
  if (best[0] !== 'latin') return best[0];
  return vietnameseOnly > 0 && diacritics * 10 >= weights.latin ? 'vi' : 'en';
}
