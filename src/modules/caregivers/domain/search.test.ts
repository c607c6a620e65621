import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { containsPattern, cursorValues, readCursorValues, searchCriteria, SORTS } from './search.ts';

describe('searchCriteria', () => {
  it('normalises short region names into the keys to match', () => {
    expect(searchCriteria({ sido: '서울' })).toEqual({ ok: true, value: { serviceTypes: [], regionKeys: ['서울특별시'] } });
    expect(searchCriteria({ sido: '서울', sigungu: '강남' })).toEqual({
      ok: true,
      value: { serviceTypes: [], regionKeys: ['서울특별시/*', '서울특별시/강남구'] },
    });
  });

  it('reports an unknown region on the query parameter', () => {
    expect(searchCriteria({ sido: '서울', sigungu: '해운대' })).toEqual({
      ok: false,
      errors: [{ field: 'sigungu', message: '"해운대" is not a sigungu of 서울특별시' }],
    });
    expect(searchCriteria({ sido: '뉴욕' })).toMatchObject({ ok: false, errors: [{ field: 'sido' }] });
    expect(searchCriteria({ sigungu: '중구' })).toMatchObject({ ok: false, errors: [{ field: 'sigungu' }] });
  });

  it('ignores blank text filters and keeps the others', () => {
    expect(searchCriteria({ sido: ' ', q: '   ' })).toEqual({ ok: true, value: { serviceTypes: [] } });
    expect(
      searchCriteria({
        serviceType: ['HOME', 'NIGHT', 'HOME'],
        gender: 'FEMALE',
        minCareerYears: 0,
        minRating: 4.5,
        maxHourlyRate: 20_000,
        maxDailyRate: 150_000,
        language: 'EN',
        q: ' 치매 Care ',
      }),
    ).toEqual({
      ok: true,
      value: {
        serviceTypes: ['HOME', 'NIGHT'],
        gender: 'FEMALE',
        minCareerYears: 0,
        minRating: 4.5,
        maxHourlyRate: 20_000,
        maxDailyRate: 150_000,
        language: 'en',
        text: '치매 care',
      },
    });
  });
});

describe('searchCriteria availability', () => {
  it('turns availableFrom/To into a window', () => {
    expect(searchCriteria({ availableFrom: '2026-12-01T09:00:00+09:00', availableTo: '2026-12-01T18:00:00+09:00' })).toEqual({
      ok: true,
      value: { serviceTypes: [], available: { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-01T09:00:00Z') } },
    });
  });

  it('wants both, in order, at most 31 days apart, reported with the other problems', () => {
    expect(searchCriteria({ availableFrom: '2026-12-01T09:00:00+09:00' })).toEqual({
      ok: false,
      errors: [{ field: 'availableTo', message: 'is required with availableFrom' }],
    });
    expect(searchCriteria({ sido: '뉴욕', availableTo: '2026-12-01T09:00:00+09:00' })).toMatchObject({
      ok: false,
      errors: [{ field: 'sido' }, { field: 'availableFrom' }],
    });
    expect(searchCriteria({ availableFrom: '2026-12-01T00:00:00Z', availableTo: '2027-01-01T00:00:01Z' })).toEqual({
      ok: false,
      errors: [{ field: 'availableTo', message: 'must be at most 31 days after availableFrom' }],
    });
  });
});

describe('containsPattern', () => {
  it('escapes LIKE wildcards so they match themselves', () => {
    expect(containsPattern('김영희')).toBe('%김영희%');
    expect(containsPattern('100%_\\')).toBe('%100\\%\\_\\\\%');
  });
});

describe('cursor values', () => {
  const id = '0190f5a4-1b2c-7d3e-8f40-123456789abc';
  it('round-trips every sort', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SORTS), fc.double({ noNaN: true, noDefaultInfinity: true }), (sort, value) => {
        expect(readCursorValues(sort, cursorValues(sort, { value, id }))).toEqual({ value, id });
      }),
    );
  });

  it('refuses another sort, a non-number or a non-uuid', () => {
    expect(readCursorValues('rating', ['recommended', 4.5, id])).toBeUndefined();
    expect(readCursorValues('rating', ['rating', '4.5', id])).toBeUndefined();
    expect(readCursorValues('rating', ['rating', null, id])).toBeUndefined();
    expect(readCursorValues('rating', ['rating', 4.5, 'x; drop table'])).toBeUndefined();
    expect(readCursorValues('rating', ['rating', 4.5])).toBeUndefined();
  });
});
