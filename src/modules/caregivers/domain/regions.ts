/**
 * Pure normalisation of Korean region input (시·도 / 시·군·구) against the
 * official catalogue in regions.data.ts. No I/O.
 *
 * Whitespace anywhere in the input is ignored (official names contain none),
 * so " 서울 특별시 " resolves like "서울특별시".
 */
import { REGION_CATALOGUE } from './regions.data.ts';
import type { RegionEntry } from './regions.data.ts';
import { SIGUNGU_EN } from './sigungu-en.data.ts';
import type { RegionNormalisation } from '../contract.ts';

export interface RegionListing {
  readonly sido: string;
  readonly sidoEn: string;
  readonly sigungu: readonly string[];
  /** The sigungu's English names (official romanisation), in the same order. */
  readonly sigunguEn: readonly string[];
}

function compact(input: string): string {
  return input.replace(/\s+/gu, '');
}

/** Lookup key -> catalogue entry. Official names, short names / old names, English names (lower-cased). */
const SIDO_INDEX: ReadonlyMap<string, RegionEntry> = (() => {
  const index = new Map<string, RegionEntry>();
  const add = (key: string, entry: RegionEntry): void => {
    const existing = index.get(key);
    if (existing !== undefined && existing !== entry) {
      throw new Error(`region catalogue: "${key}" maps to both ${existing.sido} and ${entry.sido}`);
    }
    index.set(key, entry);
  };
  for (const entry of REGION_CATALOGUE) add(entry.sido, entry);
  for (const entry of REGION_CATALOGUE) {
    for (const alias of entry.shortNames) add(alias, entry);
  }
  for (const entry of REGION_CATALOGUE) add(compact(entry.sidoEn).toLowerCase(), entry);
  return index;
})();

function findSido(input: string): RegionEntry | undefined {
  const key = compact(input);
  if (key === '') return undefined;
  return SIDO_INDEX.get(key) ?? SIDO_INDEX.get(key.toLowerCase());
}

/**
 * Resolve a sido from its official name, a short name (서울, 경기, 충북, ...),
 * a former official name (강원도, 전라북도) or its English name. Returns the
 * official name, or undefined if unknown.
 */
export function normaliseSido(input: string): string | undefined {
  return findSido(input)?.sido;
}

const SIGUNGU_SUFFIX = /[시군구]$/u;

/**
 * Candidates in `sigungu` matching `input`: an exact official name wins; otherwise
 * every entry whose name minus its 시/군/구 suffix equals the input (강남 -> 강남구).
 * More than one candidate means the short form is ambiguous.
 */
export function matchSigungu(sigungu: readonly string[], input: string): readonly string[] {
  const key = compact(input);
  if (key === '') return [];
  if (sigungu.includes(key)) return [key];
  return sigungu.filter((name) => name.replace(SIGUNGU_SUFFIX, '') === key);
}

/**
 * Resolve a sigungu within a sido. `sido` should be the official name (other
 * accepted sido spellings are tolerated). Accepts the official sigungu name or
 * the short form without the 시/군/구 suffix; returns undefined when unknown,
 * ambiguous, or when the sido has no sigungu (세종특별자치시).
 */
export function normaliseSigungu(sido: string, input: string): string | undefined {
  const entry = findSido(sido);
  if (entry === undefined) return undefined;
  const matches = matchSigungu(entry.sigungu, input);
  return matches.length === 1 ? matches[0] : undefined;
}

/** Validate and normalise a sido + optional sigungu pair, with a user-facing English message on failure. */
export function normaliseRegion(input: { sido: string; sigungu?: string | null }): RegionNormalisation {
  const rawSido = input.sido.trim();
  if (rawSido === '') return { ok: false, field: 'sido', message: 'sido is required' };
  const entry = findSido(rawSido);
  if (entry === undefined) return { ok: false, field: 'sido', message: `unknown sido "${rawSido}"` };

  const rawSigungu = (input.sigungu ?? '').trim();
  if (rawSigungu === '') return { ok: true, value: { sido: entry.sido } };

  if (entry.sigungu.length === 0) {
    return { ok: false, field: 'sigungu', message: `${entry.sido} has no sigungu; omit it (got "${rawSigungu}")` };
  }
  const matches = matchSigungu(entry.sigungu, rawSigungu);
  const [match] = matches;
  if (match === undefined) {
    return { ok: false, field: 'sigungu', message: `"${rawSigungu}" is not a sigungu of ${entry.sido}` };
  }
  if (matches.length > 1) {
    return {
      ok: false,
      field: 'sigungu',
      message: `"${rawSigungu}" is ambiguous in ${entry.sido} (could be ${matches.join(', ')})`,
    };
  }
  return { ok: true, value: { sido: entry.sido, sigungu: match } };
}

const LISTING: readonly RegionListing[] = Object.freeze(
  REGION_CATALOGUE.map((entry) =>
    Object.freeze({
      sido: entry.sido,
      sidoEn: entry.sidoEn,
      sigungu: Object.freeze([...entry.sigungu]),
      sigunguEn: Object.freeze(entry.sigungu.map((name) => SIGUNGU_EN[name] ?? name)),
    }),
  ),
);

/** All sido with their sigungu, in official order (for form dropdowns). */
export function listRegions(): readonly RegionListing[] {
  return LISTING;
}
