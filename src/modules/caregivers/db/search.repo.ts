import { sql, type CompiledQuery, type RawBuilder } from 'kysely';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { lru } from '../domain/lru.ts';
import { containsPattern, SORT_DIRECTION, type CursorPosition, type SearchCriteria, type SortName } from '../domain/search.ts';
import { rangeOf } from './busy-slots.repo.ts';
import { q, type ProfileRow } from './caregivers.repo.ts';

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

/**
 * The columns a search answers with: what the public view shows (app/profile-view.ts toPublicProfile) and
 * the sort keys. Not the review, audit or search-only columns: five timestamps, the rejection reason and
 * the region keys cost parsing in Node for every row of every page and are never shown.
 */
export const SEARCH_COLUMNS = [
  'id', 'user_id', 'status', 'display_name', 'gender', 'birth_year', 'career_years', 'introduction', 'certificates',
  'regions', 'service_types', 'languages', 'nationality', 'hourly_rate', 'daily_rate', 'rating_average',
  'review_count', 'recommended_score', 'photo_document_id',
] as const satisfies readonly (keyof ProfileRow)[];

export type SearchRow = Pick<ProfileRow, (typeof SEARCH_COLUMNS)[number]>;

/**
 * Filter values from small fixed sets (region keys, service types, languages, gender), the numeric bounds and the
 * limit are literals in the text, not parameters: the planner sees them (its row estimates for `&&`/`@>` over an
 * unknown array are far off), and the statement can be prepared (searchHits). Kysely escapes the quotes.
 */
const textArray = (values: readonly string[]): RawBuilder<string[]> =>
  sql<string[]>`ARRAY[${sql.join(values.map((v) => sql.lit(v)))}]::text[]`;
/** A finite number as a literal (anything else, which validation keeps out, stays a parameter). */
const num = (value: number) => (Number.isFinite(value) ? sql.lit(value) : sql<number>`${value}`);

/**
 * A profile row travels as one JSON array of SEARCH_COLUMNS (json_build_array, as text): Node then runs one
 * native JSON.parse per row instead of node-postgres's per-column text parsers (arrays, jsonb, numerics).
 * The values are the same: numerics become JSON numbers (4.90 -> 4.9, as Number('4.90')), text[] JSON
 * arrays, jsonb itself, uuid strings, NULL null.
 */
const ROW_JSON = sql<string>`json_build_array(${sql.join(SEARCH_COLUMNS.map((c) => sql.ref(c)))})::text`.as('row');
/** The row's version: PostgreSQL gives every new version of a row (each UPDATE) a new xmin. */
const VERSION = sql<string>`xmin::text`.as('version');

/** A row of the search as the repository returns it (see ROW_JSON). */
export function searchRowOf(json: string): SearchRow {
  const values = JSON.parse(json) as unknown[];
  const row: Record<string, unknown> = {};
  for (let i = 0; i < SEARCH_COLUMNS.length; i++) row[SEARCH_COLUMNS[i]!] = values[i];
  return row as unknown as SearchRow;
}

interface SearchHitRow {
  id: string;
  version: string;
  sort_value: number;
}

/** A search hit: which profile, at which row version, and its sort key (for the cursor). */
export interface SearchHit {
  readonly id: string;
  readonly version: string;
  readonly sortValue: number;
}

export interface SearchPage {
  readonly criteria: SearchCriteria;
  readonly sort: SortName;
  readonly after?: CursorPosition | undefined;
  readonly limit: number;
}

/**
 * `limit + 1` hits in sort order, so the caller can tell whether another page follows. Only ids, versions
 * and sort keys: the caller fetches the rows it has no view of yet with searchRowsByIds.
 */
export async function searchHits(database: Database, page: SearchPage): Promise<SearchHit[]> {
  const query = compiledSearch(database.db, page);
  // Prepared (no planning per request) unless a value the plan depends on stays a parameter: a text of 3 or more
  // characters (common words walk a sort index, rare names use the trigram index) and the availability window.
  // A shorter text has no trigram, so its plan is the sort-index walk whatever the word: prepared too.
  const { text, available } = page.criteria;
  const preparable = (text === undefined || !trigramSearchable(text)) && available === undefined;
  const rows = preparable ? await database.prepared(query) : (await database.db.executeQuery(query)).rows;
  return rows.map((r) => ({ id: r.id, version: r.version, sortValue: Number(r.sort_value) }));
}

/** Search shapes whose SQL text is remembered (least recently used out): far more than the prepared statements. */
export const SEARCH_SHAPES = 1_000;
const shapes = lru<string, CompiledQuery<SearchHitRow>>(SEARCH_SHAPES);

/**
 * The values a search binds, in the order searchQuery binds them: the text (3+ characters as a LIKE pattern), the
 * availability window, the cursor. Everything else is written into the text (literals), so pages of one shape
 * differ only in these, and the text is compiled once per shape (Kysely building and compiling it was ~6 % of
 * the server's CPU per search). A shape whose compiled parameters are not exactly these is compiled every time.
 */
export function searchParameters({ criteria: c, after }: SearchPage): unknown[] {
  const values: unknown[] = [];
  if (c.text !== undefined) values.push(trigramSearchable(c.text) ? containsPattern(c.text) : c.text);
  if (c.available) values.push(c.available.from.toISOString(), c.available.to.toISOString());
  if (after) values.push(after.value, after.id);
  return values;
}

/** searchQuery compiled, its text remembered per shape: the page with its bound values left out of the key. */
export function compiledSearch(db: Executor, page: SearchPage): CompiledQuery<SearchHitRow> {
  const { text, available } = page.criteria;
  const shape = JSON.stringify({
    ...page,
    criteria: { ...page.criteria, text: text === undefined ? null : trigramSearchable(text) ? 'like' : 'strpos', available: available !== undefined },
    after: page.after !== undefined,
  });
  const parameters = searchParameters(page);
  const known = shapes.get(shape);
  if (known !== undefined) return { ...known, parameters };
  const compiled = searchQuery(db, page).compile();
  const sameValues = compiled.parameters.length === parameters.length && compiled.parameters.every((v, i) => v === parameters[i]);
  if (sameValues) shapes.set(shape, compiled);
  return compiled;
}

/**
 * The rows of these profiles (any order) with their versions. Profiles that stopped being searchable since
 * searchHits (rejected, suspended, withdrawn, deleted) are absent: a search never shows one.
 */
export async function searchRowsByIds(db: Executor, ids: readonly string[]): Promise<{ version: string; row: SearchRow }[]> {
  if (ids.length === 0) return [];
  const rows = await q(db)
    .selectFrom('caregivers.profiles')
    .select([VERSION, ROW_JSON])
    .where('id', 'in', [...ids])
    .where(sql<boolean>`status = 'APPROVED' AND NOT account_suspended`)
    .execute();
  return rows.map((r) => ({ version: r.version, row: searchRowOf(r.row) }));
}

/**
 * Whether the trigram index can serve a search for this text: pg_trgm needs 3 characters. A shorter text is
 * matched with `strpos`, which no index serves, so a prepared statement's generic plan walks the sort index (for
 * the parameter of `LIKE $1` the generic plan assumes a rare word and scans the trigram index: 57 ms for `치매`,
 * against 0.1 ms for the walk; docs/caregiver-search.md, Performance).
 */
export function trigramSearchable(text: string): boolean {
  let characters = 0;
  for (const _ of text) if (++characters >= 3) return true;
  return false;
}

/** The query itself, unexecuted (the EXPLAIN script in test/caregivers compiles it). */
export function searchQuery(db: Executor, page: SearchPage) {
  const { criteria: c, sort, after } = page;
  const column = SORT_COLUMN[sort];
  const direction = SORT_DIRECTION[sort];
  // A literal, not a parameter: the planner must see it to use the partial indexes.
  let query = q(db).selectFrom('caregivers.profiles').select(['id', VERSION, sql<number>`${sql.ref(column)}`.as('sort_value')]).where(sql<boolean>`status = 'APPROVED' AND NOT account_suspended`);
  if (c.regionKeys) query = query.where(sql<boolean>`region_keys && ${textArray(c.regionKeys)}`);
  // One clause per type (same rows as one `@>` of all): each matches the predicate of a partial index (migration 0008).
  for (const type of c.serviceTypes) query = query.where(sql<boolean>`service_types @> ${textArray([type])}`);
  if (c.language !== undefined) query = query.where(sql<boolean>`languages @> ${textArray([c.language])}`);
  if (c.gender !== undefined) query = query.where('gender', '=', sql.lit(c.gender));
  if (c.minCareerYears !== undefined) query = query.where('career_years', '>=', num(c.minCareerYears));
  if (c.minRating !== undefined) query = query.where('rating_average', '>=', num(c.minRating));
  if (c.maxHourlyRate !== undefined) query = query.where('hourly_rate', '<=', num(c.maxHourlyRate));
  if (c.maxDailyRate !== undefined) query = query.where('daily_rate', '<=', num(c.maxDailyRate));
  // search_text is lower-cased and so is the criteria text: both forms match case-insensitively, the same rows.
  if (c.text !== undefined) {
    query = trigramSearchable(c.text)
      ? query.where(sql<boolean>`search_text LIKE ${containsPattern(c.text)}`)
      : query.where(sql<boolean>`strpos(search_text, ${c.text}) > 0`);
  }
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
  return query.orderBy(column, direction).orderBy('id', direction).limit(num(page.limit + 1));
}
