import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { compiledSearch, searchQuery, type SearchPage } from '../../src/modules/caregivers/db/search.repo.ts';
import { searchCriteria, SORTS, type SearchFilters } from '../../src/modules/caregivers/domain/search.ts';
import { FILTERS } from './search-fixture.ts';

// The search's SQL text is compiled once per shape (db/search.repo.ts compiledSearch): for every page, the
// remembered text with this page's values must be exactly what compiling the page's own query gives.

const db = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const MORE: SearchFilters[] = [
  { q: '치' },
  { q: '한영호' },
  { q: '50%_\\' },
  { q: '영희', sido: '서울', sigungu: '강남', serviceType: ['HOSPITAL', 'NIGHT'] },
  { availableFrom: '2026-12-10T09:00:00+09:00', availableTo: '2026-12-11T09:00:00+09:00' },
  { availableFrom: '2026-12-12T09:00:00+09:00', availableTo: '2026-12-13T09:00:00+09:00', q: '간병 경험' },
  { minRating: 4.5, maxHourlyRate: 15000, gender: 'MALE' },
  { minRating: 3.25, maxDailyRate: 90000, minCareerYears: 3, language: 'vi' },
];
const AFTER = [undefined, { value: 4.1234, id: '01a21355-999a-7191-b250-2199b3b70d7f' }, { value: 12, id: '01a21355-999a-7191-b250-2199b3b70d80' }];

describe('search statements compiled once per shape', () => {
  it('give every page the text and values its own query compiles to', () => {
    // Twice over: the first pass fills the memo, the second reads it, with other values in the same shapes.
    for (const pass of [1, 2]) {
      for (const filters of [...FILTERS, ...MORE]) {
        const criteria = searchCriteria(filters);
        if (!criteria.ok) throw new Error(JSON.stringify(criteria.errors));
        for (const sort of SORTS) {
          for (const after of AFTER) {
            for (const limit of [1, 20]) {
              const page: SearchPage = { criteria: criteria.value, sort, after: after && { ...after, value: after.value + pass }, limit };
              const own = searchQuery(db, page).compile();
              const remembered = compiledSearch(db, page);
              expect([remembered.sql, remembered.parameters]).toEqual([own.sql, own.parameters]);
            }
          }
        }
      }
    }
  });

  it('remembers the text of every kind of search: prepared, with a long word, with an availability window', () => {
    for (const filters of [{}, { q: '치매' }, { q: '한영호' }, MORE[4]!, MORE[5]!]) {
      const criteria = searchCriteria(filters);
      if (!criteria.ok) throw new Error(JSON.stringify(criteria.errors));
      const first = compiledSearch(db, { criteria: criteria.value, sort: 'rating', after: AFTER[1], limit: 7 });
      const other = compiledSearch(db, { criteria: criteria.value, sort: 'rating', after: AFTER[2], limit: 7 });
      expect(other.query, JSON.stringify(filters)).toBe(first.query);
      expect(other.parameters).not.toEqual(first.parameters);
    }
  });
});
