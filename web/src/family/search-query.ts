import { seoulInputToIso } from '../i18n/seoul-time.ts';

// The caregiver search lives in the URL query (so back/forward and shared links work). The URL keeps
// the filters as the form shows them (dates as Seoul wall time); `apiQuery` turns them into exactly the
// parameters GET /caregivers knows, leaving out empty ones (the server refuses unknown parameters).

export const SERVICE_TYPES = ['HOSPITAL', 'HOME', 'NIGHT', 'LIVE_IN', 'DEMENTIA', 'REHABILITATION', 'COMPANION'] as const;
export const SORTS = ['recommended', 'rating', 'reviewCount', 'careerYears', 'hourlyRate', 'dailyRate'] as const;
export const LANGUAGES = ['ko', 'en', 'zh', 'vi', 'ja', 'ru', 'uz', 'mn', 'th', 'tl'] as const;

export type ServiceType = (typeof SERVICE_TYPES)[number];
export type Sort = (typeof SORTS)[number];

export interface SearchFilters {
  readonly sido: string;
  readonly sigungu: string;
  readonly serviceTypes: readonly ServiceType[];
  /** datetime-local values, Seoul time */
  readonly availableFrom: string;
  readonly availableTo: string;
  readonly gender: string;
  readonly language: string;
  readonly maxHourlyRate: string;
  readonly minRating: string;
  /** Set by the "describe who you need" box (no form field): kept in the URL like the others. */
  readonly minCareerYears: string;
  readonly maxDailyRate: string;
  readonly sort: Sort;
}

export const emptyFilters: SearchFilters = {
  sido: '',
  sigungu: '',
  serviceTypes: [],
  availableFrom: '',
  availableTo: '',
  gender: '',
  language: '',
  maxHourlyRate: '',
  minRating: '',
  minCareerYears: '',
  maxDailyRate: '',
  sort: 'recommended',
};

const isServiceType = (v: string): v is ServiceType => (SERVICE_TYPES as readonly string[]).includes(v);
const isSort = (v: string): v is Sort => (SORTS as readonly string[]).includes(v);

/** Service types in a stable order, so the same search always has the same URL. */
const inCatalogueOrder = (types: readonly ServiceType[]): ServiceType[] => SERVICE_TYPES.filter((s) => types.includes(s));

export function filtersFromUrl(query: URLSearchParams): SearchFilters {
  const sort = query.get('sort') ?? '';
  return {
    sido: query.get('sido') ?? '',
    sigungu: query.get('sigungu') ?? '',
    serviceTypes: query.getAll('serviceType').filter(isServiceType),
    availableFrom: query.get('availableFrom') ?? '',
    availableTo: query.get('availableTo') ?? '',
    gender: query.get('gender') ?? '',
    language: query.get('language') ?? '',
    maxHourlyRate: query.get('maxHourlyRate') ?? '',
    minRating: query.get('minRating') ?? '',
    minCareerYears: query.get('minCareerYears') ?? '',
    maxDailyRate: query.get('maxDailyRate') ?? '',
    sort: isSort(sort) ? sort : 'recommended',
  };
}

/** The URL query of the filters: only non-empty values, the default sort left out. */
export function filtersToUrl(filters: SearchFilters): string {
  const query = new URLSearchParams();
  const put = (key: string, value: string) => value.trim() && query.append(key, value.trim());
  put('sido', filters.sido);
  if (filters.sido) put('sigungu', filters.sigungu);
  for (const type of inCatalogueOrder(filters.serviceTypes)) query.append('serviceType', type);
  put('availableFrom', filters.availableFrom);
  put('availableTo', filters.availableTo);
  put('gender', filters.gender);
  put('language', filters.language);
  put('maxHourlyRate', filters.maxHourlyRate);
  put('minRating', filters.minRating);
  put('minCareerYears', filters.minCareerYears);
  put('maxDailyRate', filters.maxDailyRate);
  if (filters.sort !== 'recommended') put('sort', filters.sort);
  return query.toString();
}

/** True when the dates are half filled (the API needs both or neither). */
export function datesIncomplete(filters: SearchFilters): boolean {
  return Boolean(filters.availableFrom) !== Boolean(filters.availableTo);
}

/** True when both dates are there and the end is not after the start (datetime-local text orders as time). */
export function endBeforeStart(filters: SearchFilters): boolean {
  return Boolean(filters.availableFrom && filters.availableTo) && filters.availableTo <= filters.availableFrom;
}

export function hasFilters(filters: SearchFilters): boolean {
  return filtersToUrl({ ...filters, sort: 'recommended' }) !== '';
}

const positiveNumber = (value: string) => (value.trim() !== '' && Number.isFinite(Number(value)) && Number(value) >= 0 ? Number(value) : undefined);

/** The query for GET /caregivers: known parameters only, empty ones left out. */
export function apiQuery(filters: SearchFilters, cursor?: string): Record<string, string | number | string[]> {
  const query: Record<string, string | number | string[]> = {};
  if (filters.sido) query.sido = filters.sido;
  if (filters.sido && filters.sigungu) query.sigungu = filters.sigungu;
  if (filters.serviceTypes.length) query.serviceType = inCatalogueOrder(filters.serviceTypes);
  if (filters.availableFrom && filters.availableTo) {
    query.availableFrom = seoulInputToIso(filters.availableFrom);
    query.availableTo = seoulInputToIso(filters.availableTo);
  }
  if (filters.gender === 'MALE' || filters.gender === 'FEMALE') query.gender = filters.gender;
  if (filters.language) query.language = filters.language;
  const maxHourlyRate = positiveNumber(filters.maxHourlyRate);
  if (maxHourlyRate !== undefined) query.maxHourlyRate = maxHourlyRate;
  const minRating = positiveNumber(filters.minRating);
  if (minRating !== undefined) query.minRating = minRating;
  const minCareerYears = positiveNumber(filters.minCareerYears);
  if (minCareerYears !== undefined) query.minCareerYears = minCareerYears;
  const maxDailyRate = positiveNumber(filters.maxDailyRate);
  if (maxDailyRate !== undefined) query.maxDailyRate = maxDailyRate;
  if (filters.sort !== 'recommended') query.sort = filters.sort;
  if (cursor) query.cursor = cursor;
  return query;
}
