// Korean particles chosen from the last syllable of the word before them, so generated text never shows
// "을(를)": withParticle('김영희', '을/를') === '김영희를', withParticle('장미숙', '을/를') === '장미숙을'.
// The same rule as the server's (src/platform/korean.ts). A word ending in Latin letters reads as ending
// in a vowel (Gemini가); digits by their Korean reading (1 일 -> 을, 2 이 -> 를).

export type Particle = '을/를' | '이/가' | '은/는' | '과/와' | '으로/로' | '이에요/예요' | '아/야';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const RIEUL = 8;

function finalConsonant(word: string): number {
  const last = word.replace(/[\s)\]}'"”’.]+$/u, '').at(-1);
  if (last === undefined) return 0;
  const code = last.codePointAt(0) ?? 0;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return (code - HANGUL_FIRST) % 28;
  if ('136780'.includes(last)) return last === '3' ? 16 : last === '6' || last === '0' ? 21 : RIEUL;
  return 0;
}

export function particle(word: string, which: Particle): string {
  const final = finalConsonant(word);
  const [withFinal, withoutFinal] = which.split('/') as [string, string];
  if (which === '으로/로') return final === 0 || final === RIEUL ? withoutFinal : withFinal;
  return final === 0 ? withoutFinal : withFinal;
}

export function withParticle(word: string, which: Particle): string {
  return `${word}${particle(word, which)}`;
}

/** A birth year as Koreans write it: "1968년생" (English: "born 1968"). */
export function bornIn(year: number, locale: 'ko' | 'en'): string {
  return locale === 'ko' ? `${year}년생` : `born ${year}`;
}
