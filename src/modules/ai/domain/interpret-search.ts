import { SERVICE_TYPES, type CaregiverSearchFilters, type Gender, type RegionCatalogueEntry, type ServiceType } from '../../caregivers/contract.ts';
import { explainFilters } from './explain.ts';
import { parseKoreanNumber, parseSmallNumber, SMALL_NUMBER } from './numbers.ts';
import { buildRegionIndex, findRegionMentions, readRegion, type RegionIndex } from './region-terms.ts';
import {
  ANY_GENDER,
  DAILY_WORDS,
  GENDER_WORDS,
  HOURLY_WORDS,
  LANGUAGE_WORDS,
  MONTHLY_WORDS,
  PATIENT_AFTER,
  SERVICE_WORDS,
} from './search-words.data.ts';

// The offline `rules` interpreter of POST /ai/caregiver-search: a Korean or English request -> the filters of
// GET /caregivers. Each kind of filter is read in turn and its words used up (blanked), so a number read as
// money is not read again as years, and 상주 read as a place is not read as live-in care. Pure.

export interface SearchInterpretation {
  readonly filters: CaregiverSearchFilters;
  /** What was understood, in the request's language (ko or en). */
  readonly explanation: string;
  readonly language: 'ko' | 'en';
}

/** The text being read: lower-cased, with the parts already understood blanked out (same length). */
class Reading {
  text: string;
  constructor(query: string) {
    const normal = query.normalize('NFC').replace(/[，]/gu, ',').replace(/[～〜]/gu, '~');
    const lower = normal.toLowerCase();
    this.text = lower.length === normal.length ? lower : normal;
  }
  use(start: number, end: number): void {
    this.text = this.text.slice(0, start) + ' '.repeat(end - start) + this.text.slice(end);
  }
  /** Every match of `pattern` (global), each used up. */
  take(pattern: RegExp): RegExpExecArray[] {
    const matches = [...this.text.matchAll(pattern)];
    for (const m of matches) this.use(m.index, m.index + m[0].length);
    return matches;
  }
}

const DIGIT_AMOUNT = String.raw`\d[\d,]*(?:\.\d+)?(?:\s*만(?:\s*\d[\d,]*)?)?(?:\s*천)?`;
const KOREAN_AMOUNT = String.raw`(?<![가-힣])[일이삼사오육칠팔구십백천만]+(?:\s[일이삼사오육칠팔구십백천만]+)*`;
const AMOUNT = new RegExp(String.raw`(₩\s*)?(${DIGIT_AMOUNT}|${KOREAN_AMOUNT})\s*(원|man\s*won|won|krw|k(?![a-z])|thousand)?`, 'gu');
const RANGE_BETWEEN = /^\s*(?:~|-|–|에서|부터|to|and)\s*$/u;

interface Amount {
  readonly start: number;
  readonly end: number;
  readonly value: number;
}

function findAmounts(text: string): Amount[] {
  const amounts: Amount[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const number = match[2] ?? '';
    const unit = match[3];
    // Numbers in Korean words count only as won ("만오천원", "이십만 원"): 이 and 만 are everyday syllables too.
    // A trailing word without a unit is not part of the number ("만오천 이하"), so then 원 did not follow it.
    if (/^[일이삼사오육칠팔구십백천만]/u.test(number)) {
      const words = number.split(' ');
      if (!/[십백천만]/u.test(words[words.length - 1] ?? '') || unit !== '원' || !/[천만]/u.test(number)) continue;
    }
    let value = parseKoreanNumber(number);
    if (value === undefined) continue;
    if (unit === 'k' || unit === 'thousand') value *= 1000;
    if (unit?.startsWith('man') === true) value *= 10_000; // 만 원 in English letters: "2 man won"
    const marked = unit !== undefined || match[1] !== undefined || /[만천]/u.test(number);
    if (value < 1000 || value > 10_000_000 || (!marked && value < 5000)) continue;
    const end = match.index + match[0].length;
    amounts.push({ start: match.index, end, value });
  }
  return amounts;
}

/** The nearest rate word before (preferred) or after an amount, within its own stretch of the sentence. */
function rateOf(text: string, amount: Amount, from: number, to: number): 'hour' | 'day' | 'month' | undefined {
  const before = text.slice(Math.max(from, amount.start - 14), amount.start);
  const after = text.slice(amount.end, Math.min(to, amount.end + 14));
  const last = (pattern: RegExp, stretch: string) => Math.max(-1, ...[...stretch.matchAll(pattern)].map((m) => m.index + m[0].length));
  const first = (pattern: RegExp, stretch: string) => [...stretch.matchAll(pattern)][0]?.index ?? Infinity;
  const kinds = [
    ['day', DAILY_WORDS],
    ['month', MONTHLY_WORDS],
    ['hour', HOURLY_WORDS],
  ] as const;
  let best: { kind: 'hour' | 'day' | 'month'; distance: number } | undefined;
  for (const [kind, pattern] of kinds) {
    const end = last(pattern, before);
    const distanceBefore = end < 0 ? Infinity : before.length - end;
    const distanceAfter = first(pattern, after) + 0.5; // before wins a tie
    const distance = Math.min(distanceBefore, distanceAfter);
    if (distance !== Infinity && (best === undefined || distance < best.distance)) best = { kind, distance };
  }
  return best?.kind;
}

function readMoney(reading: Reading): { maxHourlyRate?: number; maxDailyRate?: number } {
  const found = findAmounts(reading.text);
  // "10만~15만원": a range; the filter is a maximum, so the upper end counts.
  const amounts = found.filter((a, i) => {
    const next = found[i + 1];
    return next === undefined || !RANGE_BETWEEN.test(reading.text.slice(a.end, next.start));
  });
  const result: { maxHourlyRate?: number; maxDailyRate?: number } = {};
  amounts.forEach((amount, i) => {
    const from = amounts[i - 1]?.end ?? 0;
    const to = amounts[i + 1]?.start ?? reading.text.length;
    const rate = rateOf(reading.text, amount, from, to) ?? (amount.value < 50_000 ? 'hour' : 'day');
    if (rate === 'hour') result.maxHourlyRate ??= amount.value;
    if (rate === 'day') result.maxDailyRate ??= amount.value;
  });
  for (const amount of found) reading.use(amount.start, amount.end);
  return result;
}

const YEARS = [
  new RegExp(String.raw`(?:경력|경험)\s*(?:이|은|는|도|만)?\s*(${SMALL_NUMBER})\s*년`, 'gu'),
  new RegExp(String.raw`(${SMALL_NUMBER})\s*년\s*(?:차|이상|넘|초과|정도|가량|쯤|경력|경험|된|되신|되는|이\s*넘)`, 'gu'),
  new RegExp(String.raw`(?<![\w.]|for\s)(${SMALL_NUMBER})\s*\+?\s*(?:years?|yrs?)(?!\s*(?:old|ago|of\s+age))`, 'gu'),
  /(a)\s+decade/gu,
];

function readYears(reading: Reading): number | undefined {
  for (const pattern of YEARS) {
    for (const match of reading.take(pattern)) {
      const value = parseSmallNumber(match[1] ?? '');
      const years = match[0].includes('decade') ? 10 : value;
      if (years !== undefined && Number.isInteger(years) && years > 0 && years <= 50) return years;
    }
  }
  return undefined;
}

const RATING_NUMBER = String.raw`\d(?:\.\d+)?|one|two|three|four|five`;
const RATINGS = [
  new RegExp(String.raw`(?:평점|별점|평가|후기\s*점수|리뷰\s*점수|점수)\s*(?:이|가|은|는)?\s*(${RATING_NUMBER})(?!\d)`, 'gu'),
  new RegExp(String.raw`(${RATING_NUMBER})\s*점\s*(?:이상|넘|대|초과|보다|짜리|\s)`, 'gu'),
  new RegExp(String.raw`별\s*(${RATING_NUMBER})\s*개`, 'gu'),
  new RegExp(String.raw`(?<![\w.])(${RATING_NUMBER})\s*\+?\s*(?:-|\s)?(?:stars?|★)`, 'gu'),
  new RegExp(String.raw`(?:rating|rated|score|reviews?)\s*(?:of|above|over|at\s+least|>=|≥|>|from|is|:)?\s*(?:at\s+least\s+)?(${RATING_NUMBER})(?![\d,])`, 'gu'),
  new RegExp(String.raw`(?<![\w.])(${RATING_NUMBER})\s*(?:\/\s*5|out\s+of\s+5)`, 'gu'),
];

function readRating(reading: Reading): number | undefined {
  for (const pattern of RATINGS) {
    for (const match of reading.take(pattern)) {
      const value = parseSmallNumber(match[1] ?? '');
      if (value !== undefined && value > 0 && value <= 5) return value;
    }
  }
  return undefined;
}

function readServices(reading: Reading): ServiceType[] {
  const types = new Set<ServiceType>();
  for (const word of SERVICE_WORDS) if (reading.take(word.pattern).length > 0) types.add(word.type);
  return SERVICE_TYPES.filter((type) => types.has(type));
}

function readGender(reading: Reading): Gender | undefined {
  if (ANY_GENDER.test(reading.text)) return undefined;
  const found = new Set<Gender>();
  for (const word of GENDER_WORDS) {
    for (const match of reading.take(word.pattern)) {
      if (!PATIENT_AFTER.test(reading.text.slice(match.index + match[0].length))) found.add(word.gender);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

function readLanguage(reading: Reading): string | undefined {
  let first: { code: string; at: number } | undefined;
  for (const word of LANGUAGE_WORDS) {
    const [match] = reading.take(word.pattern);
    if (match && (first === undefined || match.index < first.at)) first = { code: word.code, at: match.index };
  }
  return first?.code;
}

/** Builds the interpreter for a region catalogue (indexed once). */
export function makeSearchInterpreter(catalogue: readonly RegionCatalogueEntry[]) {
  const index: RegionIndex = buildRegionIndex(catalogue);
  return function interpretSearch(query: string): SearchInterpretation {
    const language = /[\uac00-\ud7a3]/u.test(query) ? 'ko' : 'en';
    const reading = new Reading(query);
    const money = readMoney(reading);
    const region = readRegion(findRegionMentions(index, reading.text));
    for (const [start, end] of region.spans) reading.use(start, end);
    const minCareerYears = readYears(reading);
    const minRating = readRating(reading);
    const serviceType = readServices(reading);
    const gender = readGender(reading);
    const spoken = readLanguage(reading);
    const filters: CaregiverSearchFilters = {
      ...(region.sido !== undefined ? { sido: region.sido } : {}),
      ...(region.sigungu !== undefined ? { sigungu: region.sigungu } : {}),
      ...(serviceType.length > 0 ? { serviceType } : {}),
      ...(gender !== undefined ? { gender } : {}),
      ...(minCareerYears !== undefined ? { minCareerYears } : {}),
      ...(minRating !== undefined ? { minRating } : {}),
      ...(money.maxHourlyRate !== undefined ? { maxHourlyRate: money.maxHourlyRate } : {}),
      ...(money.maxDailyRate !== undefined ? { maxDailyRate: money.maxDailyRate } : {}),
      ...(spoken !== undefined ? { language: spoken } : {}),
    };
    return { filters, language, explanation: explainFilters(filters, language, { ambiguous: region.ambiguous, englishName: index.englishName }) };
  };
}
