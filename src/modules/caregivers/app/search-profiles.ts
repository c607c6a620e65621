import { invalid } from '../../../platform/errors.ts';
import { decodeCursor, toPage, type Page } from '../../../platform/paging.ts';
import type { CaregiverProfile } from '../contract.ts';
import { searchProfiles as searchRows, sortValueOf } from '../db/search.repo.ts';
import { cursorValues, readCursorValues, searchCriteria, type SearchFilters, type SortName } from '../domain/search.ts';
import type { CaregiversDeps } from './deps.ts';
import { toPublicProfile } from './profile-view.ts';

export interface SearchQuery extends SearchFilters {
  readonly sort?: SortName | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/** Public search over APPROVED profiles with keyset pagination (cursor = the last item's sort value and id). */
export function makeSearchProfiles({ platform }: CaregiversDeps) {
  return async function searchProfiles(query: SearchQuery): Promise<Page<CaregiverProfile>> {
    const criteria = searchCriteria(query);
    if (!criteria.ok) throw invalid('The search filters are not valid', criteria.errors);
    const sort = query.sort ?? 'recommended';
    const limit = query.limit ?? 20;
    const after = query.cursor === undefined ? undefined : readCursorValues(sort, decodeCursor(query.cursor, 3));
    if (query.cursor !== undefined && after === undefined) {
      throw invalid('The cursor is not valid', [{ field: 'cursor', message: 'is not a cursor of this search and sort' }]);
    }
    const rows = await searchRows(platform.database.db, { criteria: criteria.value, sort, after, limit });
    return toPage(rows, limit, toPublicProfile, (row) => cursorValues(sort, { value: sortValueOf(row, sort), id: row.id }));
  };
}
