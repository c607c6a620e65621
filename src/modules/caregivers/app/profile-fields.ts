import { invalid } from '../../../platform/errors.ts';
import type { NewProfile, ProfileRow } from '../db/caregivers.repo.ts';
import { checkProfile, regionKeysOf, type ProfileFields } from '../domain/profile.ts';
import { recommendedScore } from '../domain/ranking.ts';

// Between the domain's ProfileFields and the table's columns, shared by create and update.

/** Checks the fields (400 VALIDATION_FAILED with every problem) and answers them normalised. */
export function validProfileFields(fields: ProfileFields, now: Date): ProfileFields {
  const check = checkProfile(fields, now);
  if (!check.ok) throw invalid('The caregiver profile is not valid', check.errors);
  return check.value;
}

export function fieldsOfRow(row: ProfileRow): ProfileFields {
  return {
    displayName: row.display_name,
    gender: row.gender,
    birthYear: row.birth_year,
    careerYears: row.career_years,
    introduction: row.introduction,
    certificates: row.certificates,
    regions: row.regions,
    serviceTypes: row.service_types,
    languages: row.languages,
    ...(row.nationality ? { nationality: row.nationality } : {}),
    hourlyRate: row.hourly_rate,
    dailyRate: row.daily_rate,
  };
}

type FieldColumns = Pick<
  NewProfile,
  | 'display_name' | 'gender' | 'birth_year' | 'career_years' | 'introduction' | 'certificates' | 'regions' | 'region_keys'
  | 'service_types' | 'languages' | 'nationality' | 'hourly_rate' | 'daily_rate' | 'recommended_score'
>;

/** The columns a profile's fields fill, derived ones (region keys, score) included. */
export function columnsOf(fields: ProfileFields, rating: { ratingAverage: number; reviewCount: number }): FieldColumns {
  return {
    display_name: fields.displayName,
    gender: fields.gender,
    birth_year: fields.birthYear,
    career_years: fields.careerYears,
    introduction: fields.introduction,
    certificates: fields.certificates,
    regions: fields.regions,
    region_keys: regionKeysOf(fields.regions),
    service_types: [...fields.serviceTypes],
    languages: [...fields.languages],
    nationality: fields.nationality ?? null,
    hourly_rate: fields.hourlyRate,
    daily_rate: fields.dailyRate,
    recommended_score: recommendedScore({ ...rating, careerYears: fields.careerYears }),
  };
}
