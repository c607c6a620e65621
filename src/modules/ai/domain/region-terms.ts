import type { RegionCatalogueEntry } from '../../caregivers/contract.ts';
import { COMMON_WORD_SHORT_FORMS, DISTRICT_ALIASES, NOT_PLACES, SIDO_ENGLISH_ALIASES } from './region-words.data.ts';
import { romanize } from './romanize.ts';

// Reading regions in a sentence, Korean or English, against the catalogue the caregivers module gives
// (official names and short names). English names are the Revised Romanization of the Korean ones, with or
// without their suffix (Gangnam, Gangnam-gu, Suwon-si, Gyeonggi-do). Pure.

export interface RegionOption {
  readonly sido: string;
  readonly sigungu: string;
}

/** What a word may name: a sido, sigungu of one or more sido, or both (광주, 제주). */
interface TermMeaning {
  readonly sido?: string;
  readonly sigungu: readonly RegionOption[];
  /** An everyday word too (상주, 예산): a place only next to its sido. */
  readonly commonWord: boolean;
}

export interface RegionIndex {
  readonly korean: ReadonlyMap<string, TermMeaning>;
  readonly english: ReadonlyMap<string, TermMeaning>;
  readonly englishPattern: RegExp;
  readonly longestKorean: number;
  /** Official name -> English name ('서울특별시' -> 'Seoul', '강남구' -> 'Gangnam-gu'). */
  readonly englishName: (official: string) => string;
}

const SIDO_SUFFIX = /(특별자치시|특별자치도|특별시|광역시|도|시)$/u;
const SIGUNGU_SUFFIX = /[시군구]$/u;
const SUFFIX_EN: Readonly<Record<string, string>> = { 시: 'si', 군: 'gun', 구: 'gu' };

function add(map: Map<string, TermMeaning>, key: string, meaning: { sido?: string; sigungu?: RegionOption; commonWord?: boolean }): void {
  const old = map.get(key) ?? { sigungu: [], commonWord: false };
  const sigungu = meaning.sigungu && !old.sigungu.some((o) => o.sido === meaning.sigungu?.sido && o.sigungu === meaning.sigungu.sigungu)
    ? [...old.sigungu, meaning.sigungu]
    : old.sigungu;
  const sido = old.sido ?? meaning.sido;
  map.set(key, { ...(sido !== undefined ? { sido } : {}), sigungu, commonWord: old.commonWord || (meaning.commonWord ?? false) });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** English names are looked up without spaces and hyphens: "Gangnam-gu", "gangnam gu" and "Gangnamgu" alike. */
const compactEnglish = (text: string) => text.replace(/[\s-]/gu, '');

export function buildRegionIndex(catalogue: readonly RegionCatalogueEntry[]): RegionIndex {
  const korean = new Map<string, TermMeaning>();
  const english = new Map<string, TermMeaning>();
  const names = new Map<string, string>();
  const common = new Set(COMMON_WORD_SHORT_FORMS);
  for (const entry of catalogue) {
    const { sido } = entry;
    names.set(sido, entry.sidoEn);
    for (const name of [sido, ...entry.shortNames]) {
      add(korean, name, { sido });
      add(english, romanize(name.replace(SIDO_SUFFIX, '') || name), { sido });
    }
    add(english, entry.sidoEn.toLowerCase().replace(/-do$| state$/u, ''), { sido });
    for (const sigungu of entry.sigungu) {
      const option = { sido, sigungu };
      const base = sigungu.replace(SIGUNGU_SUFFIX, '');
      const suffix = SUFFIX_EN[sigungu.slice(-1)] ?? '';
      const baseEn = romanize(base);
      names.set(sigungu, `${baseEn[0]?.toUpperCase() ?? ''}${baseEn.slice(1)}-${suffix}`);
      add(korean, sigungu, { sigungu: option });
      // One-syllable names (중구, 동구) are read only whole: 중 and 동 are everyday syllables.
      if (base.length >= 2) add(korean, base, { sigungu: option, commonWord: common.has(base) });
      add(english, base.length >= 2 ? baseEn : `${baseEn}-${suffix}`, { sigungu: option });
    }
  }
  for (const alias of DISTRICT_ALIASES) {
    for (const name of alias.names) add(/[a-z]/u.test(name) ? english : korean, name, { sigungu: { sido: alias.sido, sigungu: alias.sigungu } });
  }
  for (const [name, sido] of Object.entries(SIDO_ENGLISH_ALIASES)) add(english, name, { sido });
  // Longest first, so "busanjin" wins over "busan". A suffix may follow: -gu, gu, " district", " city"...
  const alternatives = [...english.keys()].sort((a, b) => b.length - a.length).map((key) => escape(key).replace(/[-\s]/gu, '[\\s-]?'));
  const spelled = new Map([...english].map(([key, meaning]) => [compactEnglish(key), meaning]));
  const englishPattern = new RegExp(
    `(?<![a-z])(${alternatives.join('|')})(?:[\\s-]?(?:gu|si|gun|do)|\\s+(?:district|city|county|province|state|metropolitan city|special city))?(?![a-z])`,
    'gu',
  );
  return {
    korean,
    english: spelled,
    englishPattern,
    longestKorean: Math.max(...[...korean.keys()].map((k) => k.length)),
    englishName: (official) => names.get(official) ?? official,
  };
}

export interface RegionMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly meaning: TermMeaning;
}

const HANGUL = /[\uac00-\ud7a3]/u;

/** Every region word in `text` (lower-cased), left to right, longest first; each span read once. */
export function findRegionMentions(index: RegionIndex, text: string): RegionMention[] {
  const mentions: RegionMention[] = [];
  for (let i = 0; i < text.length; ) {
    if (!HANGUL.test(text[i] ?? '')) {
      i += 1;
      continue;
    }
    const skip = NOT_PLACES.find((word) => text.startsWith(word, i));
    if (skip !== undefined) {
      i += skip.length;
      continue;
    }
    let found = false;
    for (let length = Math.min(index.longestKorean, text.length - i); length >= 2; length--) {
      const word = text.slice(i, i + length);
      const meaning = index.korean.get(word);
      if (meaning === undefined) continue;
      mentions.push({ start: i, end: i + length, text: word, meaning });
      i += length;
      found = true;
      break;
    }
    if (!found) i += 1;
  }
  for (const match of text.matchAll(index.englishPattern)) {
    const meaning = index.english.get(compactEnglish(match[1] ?? ''));
    if (meaning === undefined) continue;
    mentions.push({ start: match.index, end: match.index + match[0].length, text: match[0], meaning });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

export interface RegionReading {
  readonly sido?: string;
  readonly sigungu?: string;
  /** Words naming a sigungu of several sido, with no sido to choose by (중구, Jung-gu, 강서). */
  readonly ambiguous: readonly string[];
  /** The spans read as regions (the rest of the sentence is read for other filters). */
  readonly spans: readonly (readonly [number, number])[];
}

/** 경북 상주, 경상북도 상주: an everyday word is a place when its sido comes just before it. */
function rightAfterItsSido(mention: RegionMention, sidoMentions: readonly RegionMention[]): boolean {
  return sidoMentions.some(
    (s) => s.end <= mention.start && mention.start - s.end <= 2 && mention.meaning.sigungu.some((o) => o.sido === s.meaning.sido),
  );
}

/**
 * The region a request asks for. A named sido decides; a sigungu alone implies its sido when only one sido has
 * it (강남 -> 서울특별시 강남구), otherwise nothing is guessed. Several sigungu of one sido give the sido alone.
 */
export function readRegion(mentions: readonly RegionMention[]): RegionReading {
  const sidoOnly = mentions.filter((m) => m.meaning.sido !== undefined && m.meaning.sigungu.length === 0);
  const named = new Set(sidoOnly.map((m) => m.meaning.sido));
  const asSido: RegionMention[] = [...sidoOnly];
  const asSigungu: RegionMention[] = [];
  for (const mention of mentions) {
    const { sido, sigungu } = mention.meaning;
    if (sigungu.length === 0) continue;
    if (sido !== undefined && !sigungu.some((o) => named.has(o.sido))) asSido.push(mention);
    else if (!mention.meaning.commonWord || rightAfterItsSido(mention, sidoOnly)) asSigungu.push(mention);
  }
  asSido.sort((a, b) => a.start - b.start);
  const spans = [...asSido, ...asSigungu].map((m) => [m.start, m.end] as const);
  let sido = asSido[0]?.meaning.sido;
  const ambiguous: string[] = [];
  if (sido === undefined) {
    const certain = asSigungu.find((m) => new Set(m.meaning.sigungu.map((o) => o.sido)).size === 1);
    sido = certain?.meaning.sigungu[0]?.sido;
    if (sido === undefined) ambiguous.push(...new Set(asSigungu.map((m) => m.text)));
  }
  if (sido === undefined) return { ambiguous, spans };
  const within = new Set(asSigungu.flatMap((m) => m.meaning.sigungu.filter((o) => o.sido === sido).map((o) => o.sigungu)));
  const [sigungu] = within;
  return { sido, ...(within.size === 1 && sigungu !== undefined ? { sigungu } : {}), ambiguous, spans };
}
