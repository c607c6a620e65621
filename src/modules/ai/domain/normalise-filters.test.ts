import { describe, expect, it } from 'vitest';
import { REGION_CATALOGUE } from '../../caregivers/domain/regions.data.ts';
import { dropEmpty, normaliseFilters } from './normalise-filters.ts';

describe('normaliseFilters (a model answer brought to the rules form)', () => {
  it('gives official region names, unique service types and lower-case languages', () => {
    expect(normaliseFilters({ sido: '서울', sigungu: '강남', serviceType: ['NIGHT', 'NIGHT'], language: 'ZH' }, REGION_CATALOGUE)).toEqual({
      sido: '서울특별시',
      sigungu: '강남구',
      serviceType: ['NIGHT'],
      language: 'zh',
    });
    expect(normaliseFilters({ sido: 'Busan', gender: 'MALE' }, REGION_CATALOGUE)).toEqual({ sido: '부산광역시', gender: 'MALE' });
    expect(normaliseFilters({ sido: '부산광역시', sigungu: '중구' }, REGION_CATALOGUE)).toEqual({ sido: '부산광역시', sigungu: '중구' });
  });

  it('refuses regions the catalogue does not know, a sigungu of another sido, and a sigungu without sido', () => {
    expect(normaliseFilters({ sido: 'Atlantis' }, REGION_CATALOGUE)).toBeUndefined();
    expect(normaliseFilters({ sido: '부산', sigungu: '강남구' }, REGION_CATALOGUE)).toBeUndefined();
    expect(normaliseFilters({ sigungu: '강남구' }, REGION_CATALOGUE)).toBeUndefined();
  });

  it('reads null, empty strings and empty lists as absent', () => {
    expect(dropEmpty({ sido: null, sigungu: '', serviceType: [], gender: 'FEMALE' })).toEqual({ gender: 'FEMALE' });
    expect(dropEmpty('text')).toBe('text');
  });
});
