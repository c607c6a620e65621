import { invalid } from '../../../platform/errors.ts';
import { decodeCursor, toPage, type Page } from '../../../platform/paging.ts';
import type { CaregiverProfile } from '../contract.ts';
import { searchHits, searchRowsByIds, type SearchHit } from '../db/search.repo.ts';
import { cursorValues, readCursorValues, searchCriteria, type SearchFilters, type SortName } from '../domain/search.ts';
import { versionMemo } from '../domain/version-memo.ts';
import type { CaregiversDeps } from './deps.ts';
import { toPublicProfile } from './profile-view.ts';

export interface SearchQuery extends SearchFilters {
  readonly sort?: SortName | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** Public views kept per process (about 2 KB each): enough for every profile a busy region's searches show. */
export const SEARCH_VIEW_MEMO_SIZE = 5_000;

/**
 * Public search over APPROVED profiles with keyset pagination (cursor = the last item's sort value and id).
 * The query finds the page's ids, row versions and sort keys; the public view of each profile is made once
 * per row version and remembered (domain/version-memo.ts), so a page of profiles already shown costs one
 * small query. Profiles not yet seen (or changed since) are read in one more query. Why: parsing and
 * mapping 20 full rows per request was most of the route's CPU (docs/caregiver-search.md, Performance).
 */
/** A remembered view is shared by every page that shows it (and by other modules through the contract). */
function frozen(view: CaregiverProfile): CaregiverProfile {
  for (const value of Object.values(view)) {
    if (Array.isArray(value)) for (const item of value as unknown[]) Object.freeze(item);
    Object.freeze(value);
  }
  return Object.freeze(view);
}

export function makeSearchProfiles({ platform }: CaregiversDeps) {
  const views = versionMemo<CaregiverProfile>(SEARCH_VIEW_MEMO_SIZE);
  return async function searchProfiles(query: SearchQuery): Promise<Page<CaregiverProfile>> {
    const criteria = searchCriteria(query);
    if (!criteria.ok) throw invalid('The search filters are not valid', criteria.errors);
    const sort = query.sort ?? 'recommended';
    const limit = query.limit ?? 20;
    const after = query.cursor === undefined ? undefined : readCursorValues(sort, decodeCursor(query.cursor, 3));
    if (query.cursor !== undefined && after === undefined) {
      throw invalid('The cursor is not valid', [{ field: 'cursor', message: 'is not a cursor of this search and sort' }]);
    }
    const db = platform.database.db;
    const hits = await searchHits(platform.database, { criteria: criteria.value, sort, after, limit });
    const shown = hits.slice(0, limit);
    const found = new Map<string, CaregiverProfile>();
    const missing: string[] = [];
    for (const hit of shown) {
      const view = views.get(hit.id, hit.version);
      if (view === undefined) missing.push(hit.id);
      else found.set(hit.id, view);
    }
    for (const { version, row } of await searchRowsByIds(db, missing)) {
      const view = frozen(toPublicProfile(row));
      views.set(row.id, version, view);
      found.set(row.id, view);
    }
    // A profile no longer searchable by the second query is left out; one edited in between shows as it is now.
    const rows = hits.filter((hit, i) => i >= limit || found.has(hit.id));
    return toPage(rows, limit, (hit: SearchHit) => found.get(hit.id)!, (hit) => cursorValues(sort, { value: hit.sortValue, id: hit.id }));
  };
}
