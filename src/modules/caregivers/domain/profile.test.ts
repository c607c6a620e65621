import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kstDate, kstYear } from '../../../platform/kst.ts';
import type { Region } from '../contract.ts';
import {
  certificatesChanged,
  checkProfile,
  PROFILE_LIMITS,
  regionFilterKeys,
  regionKeysOf,
  servesRegion,
  type ProfileFields,
} from './profile.ts';
import { isLanguageCode, LANGUAGE_CODE_COUNT } from './languages.ts';
import { listRegions } from './regions.ts';

const now = new Date('2026-12-01T00:00:00Z');

const valid: ProfileFields = {
  displayName: ' 김영희 ',
  gender: 'FEMALE',
  birthYear: 1970,
  careerYears: 10,
  introduction: '  병원 간병 10년 경력입니다. ',
  certificates: [{ type: 'CARE_WORKER', number: ' 2019-123456 ', issuedOn: '2019-05-01' }],
  regions: [{ sido: '서울', sigungu: '강남' }, { sido: '경기도' }],
  serviceTypes: ['HOSPITAL', 'NIGHT'],
  languages: ['ko', 'en'],
  hourlyRate: 15_000,
  dailyRate: 150_000,
};

function errorsOf(changes: Partial<ProfileFields>, at = now) {
  const result = checkProfile({ ...valid, ...changes }, at);
  return result.ok ? [] : result.errors;
}
const fieldsOf = (changes: Partial<ProfileFields>, at = now) => errorsOf(changes, at).map((e) => e.field);

describe('checkProfile', () => {
  it('accepts a valid profile and normalises text, certificates and regions', () => {
    const result = checkProfile(valid, now);
    expect(result).toEqual({
      ok: true,
      value: {
        ...valid,
        displayName: '김영희',
        introduction: '병원 간병 10년 경력입니다.',
        certificates: [{ type: 'CARE_WORKER', number: '2019-123456', issuedOn: '2019-05-01' }],
        regions: [{ sido: '서울특별시', sigungu: '강남구' }, { sido: '경기도' }],
      },
    });
  });

  it('composes decomposed Hangul (NFD from macOS) to NFC', () => {
    const result = checkProfile({ ...valid, displayName: '김영희'.normalize('NFD') }, now);
    expect(result.ok && result.value.displayName).toBe('김영희');
    expect(result.ok && [...result.value.displayName]).toHaveLength(3);
  });

  it.each([
    [2007, true, 'age 19'],
    [2008, false, 'age 18'],
    [1941, true, 'age 85'],
    [1940, false, 'age 86'],
  ])('birthYear %i accepted=%s (%s in 2026)', (birthYear, ok) => {
    expect(fieldsOf({ birthYear, careerYears: 0 })).toEqual(ok ? [] : ['birthYear']);
  });

  it('takes the year from the Seoul calendar', () => {
    const newYearInSeoul = new Date('2026-12-31T15:00:00Z');
    expect(kstYear(newYearInSeoul)).toBe(2027);
    expect(kstDate(newYearInSeoul)).toBe('2027-01-01');
    expect(fieldsOf({ birthYear: 2008, careerYears: 0 }, newYearInSeoul)).toEqual([]);
    expect(fieldsOf({ birthYear: 2008, careerYears: 0 }, new Date('2026-12-31T14:59:59Z'))).toEqual(['birthYear']);
  });

  it('bounds the career by age minus 18, for every age', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1941, max: 2007 }), fc.integer({ min: -3, max: 80 }), (birthYear, careerYears) => {
        const age = 2026 - birthYear;
        const ok = careerYears >= 0 && careerYears <= age - 18;
        expect(fieldsOf({ birthYear, careerYears })).toEqual(ok ? [] : ['careerYears']);
      }),
    );
  });

  it('reports only birthYear when it is out of range (career cannot be judged then)', () => {
    expect(fieldsOf({ birthYear: 1900, careerYears: 99 })).toEqual(['birthYear']);
  });

  it('keeps the hourly rate within 10,000-200,000 KRW and the daily rate within 50,000-1,000,000 KRW', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_500_000 }), fc.integer({ min: 0, max: 1_500_000 }), (hourlyRate, dailyRate) => {
        const expected = [
          ...(hourlyRate < 10_000 || hourlyRate > 200_000 ? ['hourlyRate'] : []),
          ...(dailyRate < 50_000 || dailyRate > 1_000_000 ? ['dailyRate'] : []),
        ];
        expect(fieldsOf({ hourlyRate, dailyRate })).toEqual(expected);
      }),
    );
    expect(fieldsOf({ hourlyRate: 10_000, dailyRate: 1_000_000 })).toEqual([]);
    expect(fieldsOf({ hourlyRate: 15_000.5 })).toEqual(['hourlyRate']);
  });

  it('needs at least one region, service type and language', () => {
    expect(fieldsOf({ regions: [], serviceTypes: [], languages: [] })).toEqual(['regions', 'serviceTypes', 'languages']);
  });

  it('refuses duplicates, also when they differ only in spelling', () => {
    expect(errorsOf({ regions: [{ sido: '서울', sigungu: '강남' }, { sido: '서울특별시', sigungu: '강남구' }] })).toEqual([
      { field: 'regions[1]', message: 'is listed twice' },
    ]);
    expect(fieldsOf({ serviceTypes: ['HOME', 'NIGHT', 'HOME'] })).toEqual(['serviceTypes[2]']);
    expect(fieldsOf({ languages: ['ko', 'ko'] })).toEqual(['languages[1]']);
    expect(fieldsOf({ certificates: [{ type: 'NURSE', number: 'A1' }, { type: 'NURSE', number: ' A1' }] })).toEqual(['certificates[1]']);
  });

  it('accepts a whole sido next to one of its sigungu (not a duplicate)', () => {
    expect(fieldsOf({ regions: [{ sido: '서울' }, { sido: '서울', sigungu: '강남' }] })).toEqual([]);
  });

  it('names the failing part of an unknown region', () => {
    expect(errorsOf({ regions: [{ sido: '서울', sigungu: '수원' }] })).toEqual([
      { field: 'regions[0].sigungu', message: '"수원" is not a sigungu of 서울특별시' },
    ]);
    expect(fieldsOf({ regions: [{ sido: '경기' }, { sido: '아틀란티스' }] })).toEqual(['regions[1].sido']);
  });

  it('checks certificates: number, date, future, count', () => {
    expect(fieldsOf({ certificates: [{ type: 'NURSE', number: '   ' }] })).toEqual(['certificates[0].number']);
    expect(fieldsOf({ certificates: [{ type: 'NURSE', number: 'N1', issuedOn: '2023-02-30' }] })).toEqual(['certificates[0].issuedOn']);
    expect(fieldsOf({ certificates: [{ type: 'NURSE', number: 'N1', issuedOn: '2026-12-02' }] })).toEqual(['certificates[0].issuedOn']);
    expect(fieldsOf({ certificates: [{ type: 'NURSE', number: 'N1', issuedOn: '2026-12-01' }] })).toEqual([]);
    const many = Array.from({ length: PROFILE_LIMITS.certificates + 1 }, (_, i) => ({ type: 'OTHER' as const, number: `C${i}` }));
    expect(fieldsOf({ certificates: many })).toEqual(['certificates']);
    expect(fieldsOf({ certificates: [] })).toEqual([]);
  });

  it('checks enums and language codes that bypass the schema (use cases called directly)', () => {
    expect(fieldsOf({ gender: 'OTHER' as never, serviceTypes: ['SPA' as never], languages: ['xx', 'KO'] })).toEqual([
      'gender', 'serviceTypes[0]', 'languages[0]', 'languages[1]',
    ]);
    expect(fieldsOf({ certificates: [{ type: 'DOCTOR' as never, number: 'D1' }] })).toEqual(['certificates[0].type']);
  });

  it('limits the lengths of texts by characters', () => {
    expect(fieldsOf({ displayName: '가'.repeat(30) })).toEqual([]);
    expect(fieldsOf({ displayName: '가'.repeat(31) })).toEqual(['displayName']);
    expect(fieldsOf({ displayName: '  ' })).toEqual(['displayName']);
    expect(fieldsOf({ introduction: '가'.repeat(2000) })).toEqual([]);
    expect(fieldsOf({ introduction: '가'.repeat(2001) })).toEqual(['introduction']);
  });

  it('reports every problem at once', () => {
    expect(fieldsOf({ displayName: '', hourlyRate: 1, languages: [], regions: [{ sido: '?' }] })).toEqual([
      'displayName', 'regions[0].sido', 'languages', 'hourlyRate',
    ]);
  });
});

describe('certificatesChanged', () => {
  const a = [{ type: 'NURSE' as const, number: 'N1', issuedOn: '2020-01-01' }];
  it('notices any change to type, number, date, count or order', () => {
    expect(certificatesChanged(a, [{ type: 'NURSE', number: 'N1', issuedOn: '2020-01-01' }])).toBe(false);
    expect(certificatesChanged(a, [{ type: 'NURSE_AIDE', number: 'N1', issuedOn: '2020-01-01' }])).toBe(true);
    expect(certificatesChanged(a, [{ type: 'NURSE', number: 'N2', issuedOn: '2020-01-01' }])).toBe(true);
    expect(certificatesChanged(a, [{ type: 'NURSE', number: 'N1' }])).toBe(true);
    expect(certificatesChanged(a, [])).toBe(true);
    expect(certificatesChanged([], [])).toBe(false);
    const two = [...a, { type: 'OTHER' as const, number: 'O1' }];
    expect(certificatesChanged(two, [two[1]!, two[0]!])).toBe(true);
  });
});

describe('region keys', () => {
  it('indexes each region by its sido and by sigungu or the whole-sido marker', () => {
    expect(regionKeysOf([{ sido: '서울특별시', sigungu: '강남구' }, { sido: '서울특별시' }, { sido: '경기도', sigungu: '수원시' }])).toEqual(
      ['경기도', '경기도/수원시', '서울특별시', '서울특별시/*', '서울특별시/강남구'].sort(),
    );
    expect(regionFilterKeys({ sido: '서울특별시' })).toEqual(['서울특별시']);
    expect(regionFilterKeys({ sido: '서울특별시', sigungu: '강남구' })).toEqual(['서울특별시/*', '서울특별시/강남구']);
  });

  const catalogue = listRegions();
  const region = fc
    .constantFrom(...catalogue)
    .chain((entry) =>
      entry.sigungu.length === 0
        ? fc.constant<Region>({ sido: entry.sido })
        : fc.option(fc.constantFrom(...entry.sigungu), { nil: undefined }).map((sigungu): Region =>
            sigungu === undefined ? { sido: entry.sido } : { sido: entry.sido, sigungu }),
    );

  it('matches a sido filter to anyone serving somewhere in it', () => {
    fc.assert(
      fc.property(fc.array(region, { maxLength: 6 }), region, (regions, filter) => {
        expect(servesRegion(regions, { sido: filter.sido })).toBe(regions.some((r) => r.sido === filter.sido));
      }),
    );
  });

  it('matches a sigungu filter to those serving it or the whole sido, never a neighbour', () => {
    fc.assert(
      fc.property(fc.array(region, { maxLength: 6 }), region, (regions, filter) => {
        fc.pre(filter.sigungu !== undefined);
        const expected = regions.some((r) => r.sido === filter.sido && (r.sigungu === undefined || r.sigungu === filter.sigungu));
        expect(servesRegion(regions, filter)).toBe(expected);
      }),
    );
    expect(servesRegion([{ sido: '서울특별시', sigungu: '서초구' }], { sido: '서울특별시', sigungu: '강남구' })).toBe(false);
    expect(servesRegion([{ sido: '서울특별시' }], { sido: '서울특별시', sigungu: '강남구' })).toBe(true);
    expect(servesRegion([{ sido: '부산광역시', sigungu: '중구' }], { sido: '대구광역시', sigungu: '중구' })).toBe(false);
  });
});

describe('language codes', () => {
  it('knows the ISO 639-1 codes and nothing else', () => {
    expect(LANGUAGE_CODE_COUNT).toBe(183);
    for (const code of ['ko', 'en', 'zh', 'vi', 'ja', 'th', 'ru', 'uz', 'mn', 'tl']) expect(isLanguageCode(code)).toBe(true);
    for (const code of ['xx', 'qq', 'KO', 'eng', '', 'bh']) expect(isLanguageCode(code)).toBe(false);
  });
});
