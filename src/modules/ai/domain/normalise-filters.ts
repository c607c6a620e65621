import type { CaregiverSearchFilters, RegionCatalogueEntry } from '../../caregivers/contract.ts';

// Filters a language model proposed (already matching the filters' schema) brought to the form the rules
// interpreter gives: official region names from the catalogue, no duplicate service types, lower-case
// language. A region the catalogue does not know makes the whole answer untrusted. Pure.

const compact = (name: string) => name.replace(/\s+/gu, '');
const SIGUNGU_SUFFIX = /[시군구]$/u;

/** Model answers often spell "no value" as null, "" or []: the same as leaving the filter out. */
export function dropEmpty(answer: unknown): unknown {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return answer;
  return Object.fromEntries(
    Object.entries(answer).filter(([, value]) => value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)),
  );
}

export function normaliseFilters(
  filters: CaregiverSearchFilters,
  catalogue: readonly RegionCatalogueEntry[],
): CaregiverSearchFilters | undefined {
  const { sido, sigungu, serviceType, language, ...rest } = filters;
  let region: { sido?: string; sigungu?: string } = {};
  if (sido !== undefined) {
    const entry = catalogue.find((e) => e.sido === compact(sido) || e.shortNames.includes(compact(sido)) || e.sidoEn.toLowerCase() === sido.trim().toLowerCase());
    if (entry === undefined) return undefined;
    region = { sido: entry.sido };
    if (sigungu !== undefined) {
      const wanted = compact(sigungu);
      const exact = entry.sigungu.filter((name) => name === wanted);
      const matches = exact.length > 0 ? exact : entry.sigungu.filter((name) => name.replace(SIGUNGU_SUFFIX, '') === wanted);
      if (matches.length !== 1) return undefined;
      region = { sido: entry.sido, sigungu: matches[0] ?? '' };
    }
  } else if (sigungu !== undefined) {
    return undefined; // GET /caregivers refuses a sigungu without its sido
  }
  return {
    ...region,
    ...(serviceType !== undefined && serviceType.length > 0 ? { serviceType: [...new Set(serviceType)] } : {}),
    ...rest,
    ...(language !== undefined ? { language: language.toLowerCase() } : {}),
  };
}
