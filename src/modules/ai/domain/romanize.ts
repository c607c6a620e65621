// Revised Romanization of Korean (the official system since 2000, used on road signs and in official English
// place names), enough for place names: letters per jamo, plus the sound changes at syllable joins that
// official names show (강릉 Gangneung, 중랑 Jungnang, 밀양 Miryang, 신라 Silla, 관악 Gwanak). Pure.
// Not handled, because no place name in the catalogue needs them: ㅎ aspiration (좋고 joko), tensing.

const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const MEDIALS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
// Finals as pronounced at the end of a syllable (index 0: none).
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
// A final carried over to a following silent ㅇ (liaison): 밀양 Mil+yang -> Miryang. ㅇ itself stays (영암 Yeongam).
const CARRIED = ['', 'g', 'kk', 'gs', 'n', 'nj', 'n', 'd', 'r', 'lg', 'lm', 'lb', 'ls', 'lt', 'lp', 'r', 'm', 'b', 'bs', 's', 'ss', 'ng', 'j', 'ch', 'k', 't', 'p', ''];
// Finals 'ng' (ㅇ, index 21) stay on their syllable before a vowel.
const NG_FINAL = 21;

const SILENT_INITIAL = 11; // ㅇ
const NIEUN = 2; // ㄴ
const RIEUL = 5; // ㄹ
const MIEUM = 6; // ㅁ

interface Syllable {
  readonly initial: number;
  readonly medial: number;
  readonly final: number;
}

function decompose(char: string): Syllable | undefined {
  const code = (char.codePointAt(0) ?? 0) - 0xac00;
  if (code < 0 || code > 11171) return undefined;
  return { initial: Math.floor(code / 588), medial: Math.floor((code % 588) / 28), final: code % 28 };
}

/** The sounds at a join: how the final of one syllable and the initial of the next are written. */
function join(final: number, initial: number): [string, string] {
  const end = FINALS[final] ?? '';
  const start = INITIALS[initial] ?? '';
  if (final === 0) return ['', start];
  if (initial === SILENT_INITIAL) return final === NG_FINAL ? ['ng', ''] : ['', CARRIED[final] ?? ''];
  if (initial === NIEUN || initial === MIEUM) {
    // Nasalisation: 목노 -> mongno, 합문 -> hammun; ㄹ before ㄴ is read ㄹ: 칼날 -> kallal.
    if (end === 'k') return ['ng', start];
    if (end === 't') return ['n', start];
    if (end === 'p') return ['m', start];
    if (end === 'l' && initial === NIEUN) return ['l', 'l'];
    return [end, start];
  }
  if (initial === RIEUL) {
    // ㄹ after ㄴ or ㄹ is ll (신라 Silla, 울릉 Ulleung); after other consonants it is read ㄴ (강릉 Gangneung).
    if (end === 'n' || end === 'l') return ['l', 'l'];
    if (end === 'k') return ['ng', 'n'];
    if (end === 'p') return ['m', 'n'];
    if (end === 't') return ['n', 'n'];
    return [end, 'n'];
  }
  return [end, start];
}

/**
 * Revised Romanization of a Hangul word in lower case ("강남" -> "gangnam", "의정부" -> "uijeongbu").
 * Characters other than Hangul syllables are kept as they are and break the word.
 */
export function romanize(word: string): string {
  const chars = [...word];
  let out = '';
  let pendingStart = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    const syllable = decompose(char);
    if (syllable === undefined) {
      out += pendingStart + char;
      pendingStart = '';
      continue;
    }
    const start = i > 0 && decompose(chars[i - 1] ?? '') !== undefined ? pendingStart : (INITIALS[syllable.initial] ?? '');
    const next = decompose(chars[i + 1] ?? '');
    let end: string;
    if (next === undefined) {
      end = FINALS[syllable.final] ?? '';
      pendingStart = '';
    } else {
      [end, pendingStart] = join(syllable.final, next.initial);
    }
    out += start + (MEDIALS[syllable.medial] ?? '') + end;
  }
  return out;
}
