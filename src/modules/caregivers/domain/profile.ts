import type { FieldError } from '../../../platform/errors.ts';
import { kstDate, kstYear } from '../../../platform/kst.ts';
import { CERTIFICATE_TYPES, GENDERS, SERVICE_TYPES, type CaregiverProfile, type Certificate, type Region } from '../contract.ts';
import { isLanguageCode } from './languages.ts';
import { normaliseRegion } from './regions.ts';

// Profile rules beyond the JSON schema: ages, career, rates, lists. Pure: "today" is passed in.
// The lists of allowed values (GENDERS, ...) are declared once, with their schemas, in the contract.

export const PROFILE_LIMITS = {
  minAge: 19,
  maxAge: 85,
  /** Career counts from this age at the earliest: careerYears <= age - 18. */
  careerStartAge: 18,
  hourlyRate: { min: 10_000, max: 200_000 },
  dailyRate: { min: 50_000, max: 1_000_000 },
  displayName: 30,
  introduction: 2000,
  certificates: 10,
  certificateNumber: 50,
  regions: 50,
  languages: 10,
} as const;

/** The fields a caregiver writes; the rest of a profile is the platform's (status, rating, ...). */
export type ProfileFields = Pick<
  CaregiverProfile,
  | 'displayName'
  | 'gender'
  | 'birthYear'
  | 'careerYears'
  | 'introduction'
  | 'certificates'
  | 'regions'
  | 'serviceTypes'
  | 'languages'
  | 'nationality'
  | 'hourlyRate'
  | 'dailyRate'
>;

export type ProfileCheck =
  | { readonly ok: true; readonly value: ProfileFields }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Trims and composes text to NFC, so a name typed on macOS (NFD Hangul) matches one typed elsewhere. */
export function cleanText(text: string): string {
  return text.normalize('NFC').trim();
}

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function range(errors: FieldError[], field: string, value: number, min: number, max: number, unit = ''): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    errors.push({ field, message: `must be an integer from ${min}${unit} to ${max}${unit}` });
  }
}

function unique<T>(errors: FieldError[], field: string, values: readonly T[], key: (value: T) => string): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    const k = key(value);
    if (seen.has(k)) errors.push({ field: `${field}[${i}]`, message: 'is listed twice' });
    seen.add(k);
  });
}

function checkPerson(fields: ProfileFields, year: number, errors: FieldError[]): void {
  const { minAge, maxAge, careerStartAge } = PROFILE_LIMITS;
  const oldest = year - maxAge;
  const youngest = year - minAge;
  if (!Number.isInteger(fields.birthYear) || fields.birthYear < oldest || fields.birthYear > youngest) {
    errors.push({ field: 'birthYear', message: `must be from ${oldest} to ${youngest} (age ${minAge} to ${maxAge} in ${year})` });
    return;
  }
  const age = year - fields.birthYear;
  const maxCareer = age - careerStartAge;
  if (!Number.isInteger(fields.careerYears) || fields.careerYears < 0 || fields.careerYears > maxCareer) {
    errors.push({ field: 'careerYears', message: `must be from 0 to ${maxCareer} (at most age minus ${careerStartAge})` });
  }
}

function checkCertificates(certificates: readonly Certificate[], today: string, errors: FieldError[]): Certificate[] {
  if (certificates.length > PROFILE_LIMITS.certificates) {
    errors.push({ field: 'certificates', message: `must list at most ${PROFILE_LIMITS.certificates}` });
  }
  const cleaned = certificates.map((certificate, i) => {
    const number = cleanText(certificate.number);
    if (number === '' || number.length > PROFILE_LIMITS.certificateNumber) {
      errors.push({ field: `certificates[${i}].number`, message: `must be 1 to ${PROFILE_LIMITS.certificateNumber} characters` });
    }
    if (!CERTIFICATE_TYPES.includes(certificate.type)) {
      errors.push({ field: `certificates[${i}].type`, message: `must be one of ${CERTIFICATE_TYPES.join(', ')}` });
    }
    const { issuedOn } = certificate;
    if (issuedOn !== undefined) {
      if (!isRealDate(issuedOn)) errors.push({ field: `certificates[${i}].issuedOn`, message: 'must be a date YYYY-MM-DD' });
      else if (issuedOn > today) errors.push({ field: `certificates[${i}].issuedOn`, message: 'must not be in the future' });
    }
    return issuedOn === undefined ? { type: certificate.type, number } : { type: certificate.type, number, issuedOn };
  });
  unique(errors, 'certificates', cleaned, (c) => `${c.type}\u0000${c.number}`);
  return cleaned;
}

function checkRegions(regions: readonly Region[], errors: FieldError[]): Region[] {
  if (regions.length === 0) errors.push({ field: 'regions', message: 'must list at least one region' });
  if (regions.length > PROFILE_LIMITS.regions) {
    errors.push({ field: 'regions', message: `must list at most ${PROFILE_LIMITS.regions}` });
  }
  const normalised = regions.map((region, i) => {
    const result = normaliseRegion(region);
    if (result.ok) return result.value;
    errors.push({ field: `regions[${i}].${result.field}`, message: result.message });
    return region;
  });
  unique(errors, 'regions', normalised, (r) => regionKey(r));
  return normalised;
}

function checkLists(fields: ProfileFields, errors: FieldError[]): void {
  if (fields.serviceTypes.length === 0) errors.push({ field: 'serviceTypes', message: 'must list at least one service type' });
  fields.serviceTypes.forEach((type, i) => {
    if (!SERVICE_TYPES.includes(type)) errors.push({ field: `serviceTypes[${i}]`, message: `must be one of ${SERVICE_TYPES.join(', ')}` });
  });
  unique(errors, 'serviceTypes', fields.serviceTypes, String);
  if (fields.languages.length === 0) errors.push({ field: 'languages', message: 'must list at least one language' });
  if (fields.languages.length > PROFILE_LIMITS.languages) {
    errors.push({ field: 'languages', message: `must list at most ${PROFILE_LIMITS.languages}` });
  }
  fields.languages.forEach((code, i) => {
    if (!isLanguageCode(code)) errors.push({ field: `languages[${i}]`, message: 'must be an ISO 639-1 code such as ko, en, zh, vi' });
  });
  unique(errors, 'languages', fields.languages, String);
}

/** Validates a whole profile and returns it normalised (trimmed NFC text, official region names). */
export function checkProfile(fields: ProfileFields, now: Date): ProfileCheck {
  const errors: FieldError[] = [];
  const displayName = cleanText(fields.displayName);
  if (displayName === '' || [...displayName].length > PROFILE_LIMITS.displayName) {
    errors.push({ field: 'displayName', message: `must be 1 to ${PROFILE_LIMITS.displayName} characters` });
  }
  if (!GENDERS.includes(fields.gender)) errors.push({ field: 'gender', message: 'must be MALE or FEMALE' });
  const introduction = cleanText(fields.introduction);
  if ([...introduction].length > PROFILE_LIMITS.introduction) {
    errors.push({ field: 'introduction', message: `must be at most ${PROFILE_LIMITS.introduction} characters` });
  }
  checkPerson(fields, kstYear(now), errors);
  const certificates = checkCertificates(fields.certificates, kstDate(now), errors);
  const regions = checkRegions(fields.regions, errors);
  checkLists(fields, errors);
  const { hourlyRate, dailyRate } = PROFILE_LIMITS;
  range(errors, 'hourlyRate', fields.hourlyRate, hourlyRate.min, hourlyRate.max, ' KRW');
  range(errors, 'dailyRate', fields.dailyRate, dailyRate.min, dailyRate.max, ' KRW');
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...fields, displayName, introduction, certificates, regions } };
}

/** Whether an edit changed the certificates (order and whitespace included, as an admin would re-read them). */
export function certificatesChanged(before: readonly Certificate[], after: readonly Certificate[]): boolean {
  if (before.length !== after.length) return true;
  return before.some((b, i) => {
    const a = after[i]!;
    return a.type !== b.type || a.number !== b.number || (a.issuedOn ?? null) !== (b.issuedOn ?? null);
  });
}

// Region keys: what a profile is indexed by, so that a search is one array-overlap test.
// `서울특별시` = serves somewhere in Seoul; `서울특별시/*` = serves all of Seoul; `서울특별시/강남구` = serves 강남구.
export const WHOLE_SIDO = '*';

function regionKey(region: Region): string {
  return `${region.sido}/${region.sigungu ?? WHOLE_SIDO}`;
}

/** The keys stored for a profile's (normalised) regions, sorted and without duplicates. */
export function regionKeysOf(regions: readonly Region[]): string[] {
  const keys = new Set<string>();
  for (const region of regions) {
    keys.add(region.sido);
    keys.add(regionKey(region));
  }
  return [...keys].sort();
}

/**
 * The keys a search filter matches (any of them): `sido` alone matches anyone serving somewhere in it;
 * `sido` + `sigungu` matches those serving that sigungu or the whole sido.
 */
export function regionFilterKeys(filter: Region): string[] {
  return filter.sigungu === undefined ? [filter.sido] : [`${filter.sido}/${WHOLE_SIDO}`, `${filter.sido}/${filter.sigungu}`];
}

/** The same test regionFilterKeys expresses in SQL, over regions directly (for tests and in-memory checks). */
export function servesRegion(regions: readonly Region[], filter: Region): boolean {
  const keys = new Set(regionKeysOf(regions));
  return regionFilterKeys(filter).some((key) => keys.has(key));
}
