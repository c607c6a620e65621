import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { containsPattern, SORT_DIRECTION, type CursorPosition, type SearchCriteria, type SortName } from '../domain/search.ts';
import { rangeOf } from './busy-slots.repo.ts';
import { PROFILE_COLUMNS, q, type ProfileRow } from './caregivers.repo.ts';

// The public search over APPROVED profiles. Which index serves which filter and sort is explained,
// with EXPLAIN output, in docs/caregiver-search.md; keep the two in step.

const SORT_COLUMN = {
  recommended: 'recommended_score',
  rating: 'rating_average',
  reviewCount: 'review_count',
  careerYears: 'career_years',
  hourlyRate: 'hourly_rate',
  dailyRate: 'daily_rate',
} as const satisfies Record<SortName, keyof ProfileRow>;

export function sortValueOf(row: ProfileRow, sort: SortName): number {
  return row[SORT_COLUMN[sort]];
}

const textArray = (values: readonly string[]): RawBuilder<string[]> =>
  sql<string[]>`ARRAY[${sql.join(values.map((v) => sql`${v}`))}]::text[]`;

export interface SearchPage {
  readonly criteria: SearchCriteria;
  readonly sort: SortName;
  readonly after?: CursorPosition | undefined;
  readonly limit: number;
}

/** `limit + 1` rows in sort order, so the caller can tell whether another page follows. */
export function searchProfiles(db: Executor, page: SearchPage): Promise<ProfileRow[]> {
  return searchQuery(db, page).execute();
}

/** The query itself, unexecuted (the EXPLAIN script in test/caregivers compiles it). */
export function searchQuery(db: Executor, page: SearchPage) {
  const { criteria: c, sort, after } = page;
  const column = SORT_COLUMN[sort];
  const direction = SORT_DIRECTION[sort];
  // A literal, not a parameter: the planner must see it to use the partial indexes.
  let query = q(db).selectFrom('caregivers.profiles').select(PROFILE_COLUMNS).where(sql<boolean>`status = 'APPROVED' AND NOT account_suspended`);
  if (c.regionKeys) query = query.where(sql<boolean>`region_keys && ${textArray(c.regionKeys)}`);
  if (c.serviceTypes.length > 0) query = query.where(sql<boolean>`service_types @> ${textArray(c.serviceTypes)}`);
  if (c.language !== undefined) query = query.where(sql<boolean>`languages @> ${textArray([c.language])}`);
  if (c.gender !== undefined) query = query.where('gender', '=', c.gender);
  if (c.minCareerYears !== undefined) query = query.where('career_years', '>=', c.minCareerYears);
  if (c.minRating !== undefined) query = query.where('rating_average', '>=', c.minRating);
  if (c.maxHourlyRate !== undefined) query = query.where('hourly_rate', '<=', c.maxHourlyRate);
  if (c.maxDailyRate !== undefined) query = query.where('daily_rate', '<=', c.maxDailyRate);
  // search_text is lower-cased and so is the criteria text: LIKE then matches case-insensitively.
  if (c.text !== undefined) query = query.where(sql<boolean>`search_text LIKE ${containsPattern(c.text)}`);
  // Busy slots are this module's copy of the reservations (fed by their events), not a join into them.
  if (c.available) {
    query = query.where(sql<boolean>`NOT EXISTS (SELECT 1 FROM caregivers.busy_slots b
      WHERE b.caregiver_id = profiles.id AND b.active AND b.during && ${rangeOf(c.available)})`);
  }
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple(column, 'id'), direction === 'desc' ? '<' : '>', eb.tuple(after.value, after.id)),
    );
  }
  return query.orderBy(column, direction).orderBy('id', direction).limit(page.limit + 1);
}
