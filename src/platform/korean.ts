// Korean particles chosen from the last syllable of the word before them, so generated text never shows
// "을(를)": 김영희 + 을/를 -> 김영희를, 장미숙 -> 장미숙을; 로/으로 takes 로 after ㄹ too (서울로).
// A word that does not end in a Hangul syllable (digits, Latin letters) is read as ending in a vowel,
// except digits whose Korean reading ends in a consonant (1 일, 3 삼, 6 육, 7 칠, 8 팔, 0 영/십).

export type Particle = '을/를' | '이/가' | '은/는' | '과/와' | '으로/로' | '이에요/예요' | '아/야';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const RIEUL = 8; // final consonant index of ㄹ

/** The final consonant index (0 = none) of the last character of `word`, ignoring trailing spaces and brackets. */
function finalConsonant(word: string): number {
  const trimmed = word.replace(/[\s)\]}'"”’.]+$/u, '');
  const last = trimmed.at(-1);
  if (last === undefined) return 0;
  const code = last.codePointAt(0) ?? 0;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return (code - HANGUL_FIRST) % 28;
  if ('136780'.includes(last)) return last === '3' ? 16 : last === '6' || last === '0' ? 21 : RIEUL;
  return 0;
}

/** The particle's form for `word`: particle('김영희', '을/를') === '를'. */
export function particle(word: string, which: Particle): string {
  const final = finalConsonant(word);
  const [withFinal, withoutFinal] = which.split('/') as [string, string];
  if (which === '으로/로') return final === 0 || final === RIEUL ? withoutFinal : withFinal;
  return final === 0 ? withoutFinal : withFinal;
}

/** The word followed by its particle: withParticle('장미숙', '을/를') === '장미숙을'. */
export function withParticle(word: string, which: Particle): string {
  return `${word}${particle(word, which)}`;
}
