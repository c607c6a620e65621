import type { FieldError } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/uuid.ts';
import type { Gender, ServiceType } from '../contract.ts';
import { checkWindow, SEARCH_WINDOW_MAX_DAYS, type TimeWindow } from './availability.ts';
import { cleanText, regionFilterKeys } from './profile.ts';
import { normaliseRegion } from './regions.ts';

// Search filters and sort orders, normalised before any SQL sees them. Pure.

export const SORTS = ['recommended', 'rating', 'reviewCount', 'careerYears', 'hourlyRate', 'dailyRate'] as const;
export type SortName = (typeof SORTS)[number];

/** Best first: scores, ratings, counts and career descending; prices ascending. Ties: by id, same direction. */
export const SORT_DIRECTION: Readonly<Record<SortName, 'asc' | 'desc'>> = {
  recommended: 'desc',
  rating: 'desc',
  reviewCount: 'desc',
  careerYears: 'desc',
  hourlyRate: 'asc',
  dailyRate: 'asc',
};

export interface SearchFilters {
  readonly sido?: string | undefined;
  readonly sigungu?: string | undefined;
  readonly serviceType?: readonly ServiceType[] | undefined;
  readonly gender?: Gender | undefined;
  readonly minCareerYears?: number | undefined;
  readonly minRating?: number | undefined;
  readonly maxHourlyRate?: number | undefined;
  readonly maxDailyRate?: number | undefined;
  readonly language?: string | undefined;
  readonly q?: string | undefined;
  /** ISO 8601 with an offset; both or neither. */
  readonly availableFrom?: string | undefined;
  readonly availableTo?: string | undefined;
}

export interface SearchCriteria {
  /** Matches a profile whose region keys overlap these (see regionFilterKeys). */
  readonly regionKeys?: readonly string[];
  /** Every one of these (a caregiver offering HOSPITAL and NIGHT matches `HOSPITAL,NIGHT`). */
  readonly serviceTypes: readonly ServiceType[];
  readonly gender?: Gender;
  readonly minCareerYears?: number;
  readonly minRating?: number;
  readonly maxHourlyRate?: number;
  readonly maxDailyRate?: number;
  readonly language?: string;
  /** Case-insensitive substring of the display name or the introduction. */
  readonly text?: string;
  /** Leaves out caregivers with an active reservation overlapping [from, to). */
  readonly available?: TimeWindow;
}

export type CriteriaCheck =
  | { readonly ok: true; readonly value: SearchCriteria }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export function searchCriteria(filters: SearchFilters): CriteriaCheck {
  const errors: FieldError[] = [];
  let regionKeys: string[] | undefined;
  const sido = filters.sido?.trim() ?? '';
  const sigungu = filters.sigungu?.trim() ?? '';
  if (sigungu !== '' && sido === '') {
    errors.push({ field: 'sigungu', message: 'needs sido too (several sido have a sigungu of the same name)' });
  } else if (sido !== '') {
    const region = normaliseRegion({ sido, sigungu });
    if (region.ok) regionKeys = regionFilterKeys(region.value);
    else errors.push({ field: region.field, message: region.message });
  }
  let available: TimeWindow | undefined;
  if (filters.availableFrom !== undefined || filters.availableTo !== undefined) {
    const window = checkWindow(filters.availableFrom, filters.availableTo, {
      fromField: 'availableFrom',
      toField: 'availableTo',
      maxDays: SEARCH_WINDOW_MAX_DAYS,
    });
    if (window.ok) available = window.value;
    else errors.push(...window.errors);
  }
  if (errors.length > 0) return { ok: false, errors };
  const text = filters.q === undefined ? '' : cleanText(filters.q).toLowerCase();
  const value: SearchCriteria = {
    serviceTypes: [...new Set(filters.serviceType ?? [])],
    ...(regionKeys ? { regionKeys } : {}),
    ...(filters.gender !== undefined ? { gender: filters.gender } : {}),
    ...(filters.minCareerYears !== undefined ? { minCareerYears: filters.minCareerYears } : {}),
    ...(filters.minRating !== undefined ? { minRating: filters.minRating } : {}),
    ...(filters.maxHourlyRate !== undefined ? { maxHourlyRate: filters.maxHourlyRate } : {}),
    ...(filters.maxDailyRate !== undefined ? { maxDailyRate: filters.maxDailyRate } : {}),
    ...(filters.language !== undefined ? { language: filters.language.toLowerCase() } : {}),
    ...(text !== '' ? { text } : {}),
    ...(available ? { available } : {}),
  };
  return { ok: true, value };
}

/** `text` as a LIKE pattern matching it anywhere, with LIKE's own characters escaped (`\` is the escape). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface CursorPosition {
  readonly value: number;
  readonly id: string;
}

/** A page cursor is `[sort, value, id]`; anything else (or another sort's cursor) is refused. */
export function cursorValues(sort: SortName, position: CursorPosition): unknown[] {
  return [sort, position.value, position.id];
}

export function readCursorValues(sort: SortName, values: readonly unknown[]): CursorPosition | undefined {
  const [cursorSort, value, id] = values;
  if (cursorSort !== sort || typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (typeof id !== 'string' || !isUuid(id)) return undefined;
  return { value, id };
}

export { isUuid };
