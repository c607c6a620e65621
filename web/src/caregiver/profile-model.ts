import type { Body } from '../api/types.ts';
import type { Problem } from '../api/problem.ts';
import type { CaregiverMessages } from './messages.ts';
import type { MyProfile } from './data.ts';
import { seoulDay } from '../i18n/seoul-time.ts';

// The profile form as plain data: state from a profile, checks with readable messages keyed by the
// server's field names (`certificates.0.number`), and the JSON bodies for POST /caregivers and PATCH /me.

export type ProfileBody = Body<'/api/v1/caregivers', 'post'>;
type Certificate = NonNullable<ProfileBody['certificates']>[number];

export interface CertificateRow {
  readonly key: number;
  readonly type: Certificate['type'];
  readonly number: string;
  readonly issuedOn: string;
}

export interface RegionRow {
  readonly key: number;
  readonly sido: string;
  readonly sigungu: string;
}

export interface ProfileForm {
  readonly displayName: string;
  readonly gender: '' | ProfileBody['gender'];
  readonly birthYear: string;
  readonly careerYears: string;
  readonly introduction: string;
  readonly certificates: readonly CertificateRow[];
  readonly regions: readonly RegionRow[];
  readonly serviceTypes: readonly ProfileBody['serviceTypes'][number][];
  readonly languages: readonly string[];
  /** ISO 3166-1 alpha-2, '' when not given */
  readonly nationality: string;
  readonly hourlyRate: string;
  readonly dailyRate: string;
}

export type FieldErrors = Record<string, string>;

let nextKey = 1;
export const newKey = (): number => nextKey++;
export const emptyCertificate = (): CertificateRow => ({ key: newKey(), type: 'CARE_WORKER', number: '', issuedOn: '' });
export const emptyRegion = (): RegionRow => ({ key: newKey(), sido: '', sigungu: '' });

export function emptyForm(): ProfileForm {
  return {
    displayName: '',
    gender: '',
    birthYear: '',
    careerYears: '',
    introduction: '',
    certificates: [emptyCertificate()],
    regions: [emptyRegion()],
    serviceTypes: [],
    languages: ['ko'],
    nationality: '',
    hourlyRate: '',
    dailyRate: '',
  };
}

export function formOf(profile: MyProfile): ProfileForm {
  return {
    displayName: profile.displayName,
    gender: profile.gender,
    birthYear: String(profile.birthYear),
    careerYears: String(profile.careerYears),
    introduction: profile.introduction,
    certificates: profile.certificates.map((c) => ({ key: newKey(), type: c.type, number: c.number, issuedOn: c.issuedOn?.slice(0, 10) ?? '' })),
    regions: profile.regions.map((r) => ({ key: newKey(), sido: r.sido, sigungu: r.sigungu ?? '' })),
    serviceTypes: [...profile.serviceTypes],
    languages: [...profile.languages],
    nationality: profile.nationality ?? '',
    hourlyRate: String(profile.hourlyRate),
    dailyRate: String(profile.dailyRate),
  };
}

/** The current year and date in Seoul (the server checks ages and issue dates in that calendar). */
export function seoulToday(now = new Date()): { year: number; date: string } {
  const date = seoulDay(now);
  return { year: Number(date.slice(0, 4)), date };
}

const wholeNumber = (value: string): number | undefined => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined);
const inRange = (value: number | undefined, min: number, max: number) => value !== undefined && value >= min && value <= max;

export function validate(form: ProfileForm, e: CaregiverMessages['profile']['errors'], now = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  const today = seoulToday(now);
  const name = form.displayName.trim();
  if (name.length < 1 || name.length > 30) errors.displayName = e.displayName;
  if (!form.gender) errors.gender = e.gender;
  const minYear = today.year - 85;
  const maxYear = today.year - 19;
  const birthYear = wholeNumber(form.birthYear);
  if (!inRange(birthYear, minYear, maxYear)) errors.birthYear = e.birthYear(minYear, maxYear);
  const maxCareer = birthYear !== undefined && !errors.birthYear ? Math.min(70, today.year - birthYear - 18) : 70;
  if (!inRange(wholeNumber(form.careerYears), 0, maxCareer)) errors.careerYears = e.careerYears(maxCareer);
  if (form.introduction.length > 2000) errors.introduction = e.introduction;
  if (form.certificates.length === 0) errors.certificates = e.certificatesRequired;
  if (form.certificates.length > 10) errors.certificates = e.certificatesMax;
  form.certificates.forEach((c, i) => {
    const number = c.number.trim();
    if (number.length < 1 || number.length > 50) errors[`certificates.${i}.number`] = e.certificateNumber;
    if (c.issuedOn && c.issuedOn > today.date) errors[`certificates.${i}.issuedOn`] = e.issuedOnFuture;
  });
  if (form.regions.length === 0) errors.regions = e.regionsRequired;
  const seen = new Set<string>();
  form.regions.forEach((r, i) => {
    if (!r.sido) errors[`regions.${i}.sido`] = e.regionSido;
    const id = `${r.sido}/${r.sigungu}`;
    if (r.sido && seen.has(id)) errors[`regions.${i}.sido`] = e.regionDuplicate;
    seen.add(id);
  });
  if (form.serviceTypes.length === 0) errors.serviceTypes = e.serviceTypes;
  if (form.languages.length === 0) errors.languages = e.languages;
  if (!inRange(wholeNumber(form.hourlyRate), 10_000, 200_000)) errors.hourlyRate = e.hourlyRate;
  if (!inRange(wholeNumber(form.dailyRate), 50_000, 1_000_000)) errors.dailyRate = e.dailyRate;
  return errors;
}

/** The POST body of a valid form. */
export function bodyOf(form: ProfileForm): ProfileBody {
  return {
    displayName: form.displayName.trim(),
    gender: form.gender as ProfileBody['gender'],
    birthYear: Number(form.birthYear),
    careerYears: Number(form.careerYears),
    introduction: form.introduction.trim(),
    certificates: form.certificates.map((c) => ({ type: c.type, number: c.number.trim(), ...(c.issuedOn ? { issuedOn: c.issuedOn } : {}) })),
    regions: form.regions.map((r) => ({ sido: r.sido, ...(r.sigungu ? { sigungu: r.sigungu } : {}) })),
    serviceTypes: [...form.serviceTypes],
    languages: [...form.languages],
    ...(form.nationality ? { nationality: form.nationality } : {}),
    hourlyRate: Number(form.hourlyRate),
    dailyRate: Number(form.dailyRate),
  };
}

/** Only the fields that differ from the saved profile (so unchanged certificates never trigger a review). */
export function changesOf(saved: ProfileBody, next: ProfileBody): Partial<ProfileBody> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof ProfileBody)[]) {
    if (JSON.stringify(saved[key]) !== JSON.stringify(next[key])) changes[key] = next[key];
  }
  return changes as Partial<ProfileBody>;
}

/** The server's validation errors keyed like the client's (`regions[0].sido` becomes `regions.0.sido`). */
export function serverErrors(problem: Problem | undefined, say?: (error: NonNullable<Problem['errors']>[number]) => string): FieldErrors {
  const errors: FieldErrors = {};
  for (const error of problem?.errors ?? []) {
    const key = error.field.replace(/\[(\d+)\]/g, '.$1').replace(/^\//, '').replace(/\//g, '.');
    errors[key] ??= say ? say(error) : error.message;
  }
  return errors;
}
