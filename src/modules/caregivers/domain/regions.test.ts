import { describe, it, expect } from 'vitest';
import { REGION_CATALOGUE } from './regions.data.ts';
import { listRegions, matchSigungu, normaliseRegion, normaliseSido, normaliseSigungu } from './regions.ts';

const EXPECTED_COUNTS: Record<string, number> = {
  서울특별시: 25,
  부산광역시: 16,
  대구광역시: 9,
  인천광역시: 11,
  광주광역시: 5,
  대전광역시: 5,
  울산광역시: 5,
  세종특별자치시: 0,
  경기도: 31,
  강원특별자치도: 18,
  충청북도: 11,
  충청남도: 15,
  전북특별자치도: 14,
  전라남도: 22,
  경상북도: 22,
  경상남도: 18,
  제주특별자치도: 2,
};

function entry(sido: string) {
  const found = REGION_CATALOGUE.find((e) => e.sido === sido);
  if (found === undefined) throw new Error(`missing ${sido}`);
  return found;
}

describe('REGION_CATALOGUE', () => {
  it('has exactly the 17 current sido, without duplicates', () => {
    expect(REGION_CATALOGUE).toHaveLength(17);
    expect(REGION_CATALOGUE.map((e) => e.sido)).toEqual(Object.keys(EXPECTED_COUNTS));
    expect(new Set(REGION_CATALOGUE.map((e) => e.sidoEn)).size).toBe(17);
  });

  it.each(Object.entries(EXPECTED_COUNTS))('%s has %i sigungu', (sido, count) => {
    expect(entry(sido).sigungu).toHaveLength(count);
  });

  it('totals 227 autonomous sigungu plus 제주시 and 서귀포시', () => {
    const total = REGION_CATALOGUE.reduce((n, e) => n + e.sigungu.length, 0);
    expect(total).toBe(229);
    expect(total - entry('제주특별자치도').sigungu.length).toBe(227);
  });

  it('has no duplicate sigungu within a sido, and every name ends in 시/군/구', () => {
    for (const e of REGION_CATALOGUE) {
      expect(new Set(e.sigungu).size, e.sido).toBe(e.sigungu.length);
      for (const name of e.sigungu) expect(name, `${e.sido} ${name}`).toMatch(/^[가-힣]+[시군구]$/u);
    }
  });

  it('has no two sigungu in a sido sharing the same short form', () => {
    for (const e of REGION_CATALOGUE) {
      const stems = e.sigungu.map((name) => name.slice(0, -1));
      expect(new Set(stems).size, e.sido).toBe(stems.length);
    }
  });

  it('reflects the current administrative map', () => {
    expect(entry('대구광역시').sigungu).toContain('군위군');
    expect(entry('경상북도').sigungu).not.toContain('군위군');
    const incheon = entry('인천광역시').sigungu;
    expect(incheon).toEqual([
      '제물포구', '영종구', '미추홀구', '연수구', '남동구', '부평구', '계양구', '서구', '검단구', '강화군', '옹진군',
    ]);
    expect(incheon).not.toContain('중구');
    expect(incheon).not.toContain('동구');
    expect(entry('세종특별자치시').sigungu).toEqual([]);
    expect(entry('제주특별자치도').sigungu).toEqual(['제주시', '서귀포시']);
    // 일반구 of large cities are not separate entries
    expect(entry('경기도').sigungu).not.toContain('장안구');
    expect(entry('경기도').sigungu).toContain('수원시');
  });

  it('maps every shortName to its own sido, and no shortName to two sido', () => {
    const seen = new Map<string, string>();
    for (const e of REGION_CATALOGUE) {
      for (const short of e.shortNames) {
        expect(seen.get(short), short).toBeUndefined();
        seen.set(short, e.sido);
        expect(normaliseSido(short), short).toBe(e.sido);
      }
    }
    const officialNames = new Set(REGION_CATALOGUE.map((e) => e.sido));
    for (const short of seen.keys()) expect(officialNames.has(short), short).toBe(false);
  });
});

describe('normaliseSido', () => {
  it('returns every official name unchanged', () => {
    for (const e of REGION_CATALOGUE) expect(normaliseSido(e.sido)).toBe(e.sido);
  });

  it.each([
    ['서울', '서울특별시'],
    ['부산', '부산광역시'],
    ['경기', '경기도'],
    ['강원', '강원특별자치도'],
    ['강원도', '강원특별자치도'],
    ['전북', '전북특별자치도'],
    ['전라북도', '전북특별자치도'],
    ['충북', '충청북도'],
    ['충청북도', '충청북도'],
    ['세종', '세종특별자치시'],
    ['제주', '제주특별자치도'],
    ['  서울  ', '서울특별시'],
    ['\t경기도\n', '경기도'],
    ['Seoul', '서울특별시'],
    ['gangwon state', '강원특별자치도'],
  ])('%j -> %s', (input, expected) => {
    expect(normaliseSido(input)).toBe(expected);
  });

  it.each(['', '   ', 'xx', '서울특별', '광주시', '수원', '경상도'])('rejects %j', (input) => {
    expect(normaliseSido(input)).toBeUndefined();
  });
});

describe('normaliseSigungu', () => {
  it('returns every official name unchanged', () => {
    for (const e of REGION_CATALOGUE) {
      for (const name of e.sigungu) expect(normaliseSigungu(e.sido, name), `${e.sido} ${name}`).toBe(name);
    }
  });

  it('resolves every unambiguous short form', () => {
    for (const e of REGION_CATALOGUE) {
      for (const name of e.sigungu) expect(normaliseSigungu(e.sido, name.slice(0, -1))).toBe(name);
    }
  });

  it.each([
    ['서울특별시', '강남', '강남구'],
    ['서울특별시', ' 강남구 ', '강남구'],
    ['부산광역시', '해운대', '해운대구'],
    ['부산광역시', '서', '서구'],
    ['경기도', '수원', '수원시'],
    ['경기도', '양평', '양평군'],
    ['경기도', '광주', '광주시'],
    ['대구광역시', '군위', '군위군'],
    ['인천광역시', '제물포', '제물포구'],
    ['인천광역시', '검단', '검단구'],
    ['강원특별자치도', '고성', '고성군'],
    ['경상남도', '고성', '고성군'],
    ['제주특별자치도', '서귀포', '서귀포시'],
    ['제주특별자치도', '제주', '제주시'],
  ])('%s %j -> %s', (sido, input, expected) => {
    expect(normaliseSigungu(sido, input)).toBe(expected);
  });

  it.each([
    ['서울특별시', '수원'],
    ['서울특별시', '해운대구'],
    ['인천광역시', '중구'],
    ['인천광역시', '동구'],
    ['경상북도', '군위군'],
    ['경기도', '장안구'],
    ['세종특별자치시', '세종'],
    ['서울특별시', ''],
    ['서울특별시', '구'],
    ['없는도', '강남구'],
  ])('%s %j -> undefined', (sido, input) => {
    expect(normaliseSigungu(sido, input)).toBeUndefined();
  });

  it('prefers an exact official match and reports ambiguous short forms', () => {
    // synthetic list: the catalogue itself has no ambiguous short forms
    expect(matchSigungu(['고성군', '고성시'], '고성')).toEqual(['고성군', '고성시']);
    expect(matchSigungu(['고성군', '고성시'], '고성군')).toEqual(['고성군']);
    expect(matchSigungu(['서구', '서귀포시'], '서')).toEqual(['서구']);
    expect(matchSigungu(['서구', '서귀포시'], '서귀포')).toEqual(['서귀포시']);
  });
});

describe('normaliseRegion', () => {
  it.each<[{ sido: string; sigungu?: string | null }, { sido: string; sigungu?: string }]>([
    [{ sido: '서울', sigungu: '강남' }, { sido: '서울특별시', sigungu: '강남구' }],
    [{ sido: '부산', sigungu: '해운대' }, { sido: '부산광역시', sigungu: '해운대구' }],
    [{ sido: '경기', sigungu: '수원' }, { sido: '경기도', sigungu: '수원시' }],
    [{ sido: '대구', sigungu: '군위' }, { sido: '대구광역시', sigungu: '군위군' }],
    [{ sido: '인천', sigungu: '제물포' }, { sido: '인천광역시', sigungu: '제물포구' }],
    [{ sido: '강원도', sigungu: '춘천' }, { sido: '강원특별자치도', sigungu: '춘천시' }],
    [{ sido: ' 전라북도 ', sigungu: ' 전주시 ' }, { sido: '전북특별자치도', sigungu: '전주시' }],
    [{ sido: '강원도' }, { sido: '강원특별자치도' }],
    [{ sido: '서울', sigungu: null }, { sido: '서울특별시' }],
    [{ sido: '서울', sigungu: '   ' }, { sido: '서울특별시' }],
    [{ sido: '세종' }, { sido: '세종특별자치시' }],
  ])('%j -> %j', (input, expected) => {
    const result = normaliseRegion(input);
    expect(result).toEqual({ ok: true, value: expected });
    if (result.ok && expected.sigungu === undefined) expect('sigungu' in result.value).toBe(false);
  });

  it('rejects an unknown sido', () => {
    expect(normaliseRegion({ sido: ' xx ', sigungu: '강남' })).toEqual({
      ok: false,
      field: 'sido',
      message: 'unknown sido "xx"',
    });
  });

  it('rejects an empty sido', () => {
    expect(normaliseRegion({ sido: '  ' })).toEqual({ ok: false, field: 'sido', message: 'sido is required' });
  });

  it('rejects a sigungu of another sido', () => {
    expect(normaliseRegion({ sido: '서울', sigungu: '수원' })).toEqual({
      ok: false,
      field: 'sigungu',
      message: '"수원" is not a sigungu of 서울특별시',
    });
    expect(normaliseRegion({ sido: '경북', sigungu: '군위군' })).toMatchObject({ ok: false, field: 'sigungu' });
    expect(normaliseRegion({ sido: '인천', sigungu: '중구' })).toMatchObject({ ok: false, field: 'sigungu' });
  });

  it('rejects any sigungu for 세종특별자치시', () => {
    const result = normaliseRegion({ sido: '세종특별자치시', sigungu: '조치원읍' });
    expect(result).toMatchObject({ ok: false, field: 'sigungu' });
    if (!result.ok) expect(result.message).toContain('세종특별자치시 has no sigungu');
  });

  it('round-trips every official sido/sigungu pair', () => {
    for (const e of REGION_CATALOGUE) {
      expect(normaliseRegion({ sido: e.sido })).toEqual({ ok: true, value: { sido: e.sido } });
      for (const name of e.sigungu) {
        expect(normaliseRegion({ sido: e.sido, sigungu: name })).toEqual({ ok: true, value: { sido: e.sido, sigungu: name } });
      }
    }
  });
});

describe('listRegions', () => {
  it('lists all sido with their sigungu in catalogue order', () => {
    const regions = listRegions();
    expect(regions).toHaveLength(17);
    expect(regions.map((r) => r.sido)).toEqual(REGION_CATALOGUE.map((e) => e.sido));
    expect(regions[0]).toMatchObject({ sido: '서울특별시', sidoEn: 'Seoul', sigungu: entry('서울특별시').sigungu });
    for (const r of regions) expect(Object.keys(r).sort()).toEqual(['sido', 'sidoEn', 'sigungu', 'sigunguEn']);
  });

  it('cannot be mutated by callers', () => {
    const regions = listRegions();
    expect(Object.isFrozen(regions)).toBe(true);
    expect(Object.isFrozen(regions[0])).toBe(true);
    expect(Object.isFrozen(regions[0]?.sigungu)).toBe(true);
  });
});
