// Numbers as people write them in a request: digits with separators (15,000), Korean units (2만, 1만5천,
// 만오천, 십삼만), English words (ten, a decade). Pure.

const KOREAN_DIGITS: Readonly<Record<string, number>> = { 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 칠: 7, 팔: 8, 구: 9 };
const KOREAN_SMALL_UNITS: Readonly<Record<string, number>> = { 십: 10, 백: 100, 천: 1000 };

/** A number written with digits and Korean units: "1만5천" 15000, "만오천" 15000, "십삼만" 130000, "1.5만" 15000. */
export function parseKoreanNumber(text: string): number | undefined {
  const tokens = text.replace(/[\s,]/gu, '').match(/\d+(?:\.\d+)?|[일이삼사오육칠팔구십백천만]/gu);
  if (!tokens || tokens.join('') !== text.replace(/[\s,]/gu, '')) return undefined;
  let total = 0;
  let section = 0;
  let current: number | undefined;
  for (const token of tokens) {
    const digit = KOREAN_DIGITS[token];
    const unit = KOREAN_SMALL_UNITS[token];
    if (/^\d/u.test(token)) current = Number(token);
    else if (digit !== undefined) current = digit;
    else if (unit !== undefined) {
      section += (current ?? 1) * unit;
      current = undefined;
    } else {
      // 만: everything so far is a count of ten thousands ("만" alone is one).
      total += (section + (current ?? 0) || 1) * 10_000;
      section = 0;
      current = undefined;
    }
  }
  const value = total + section + (current ?? 0);
  return Number.isFinite(value) ? Math.round(value) : undefined;
}

const ENGLISH_NUMBERS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, a: 1, an: 1,
};

/** Digits or an English number word ("4.5", "ten"); undefined otherwise. */
export function parseEnglishNumber(text: string): number | undefined {
  const word = ENGLISH_NUMBERS[text.toLowerCase()];
  if (word !== undefined) return word;
  const value = Number(text.replace(/,/gu, ''));
  return text.trim() !== '' && Number.isFinite(value) ? value : undefined;
}

/** Digits, Korean (sino: 오, 십, 이십) or English words: a pattern for small counts such as years. */
export const SMALL_NUMBER = String.raw`\d+(?:\.\d+)?|[일이삼사오육칠팔구]?십[일이삼사오육칠팔구]?|[일이삼사오육칠팔구]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty`;

/** The value of a SMALL_NUMBER match. */
export function parseSmallNumber(text: string): number | undefined {
  return /^[일이삼사오육칠팔구십]+$/u.test(text) ? parseKoreanNumber(text) : parseEnglishNumber(text);
}
