import { describe, expect, it } from 'vitest';
import { REGION_CATALOGUE } from '../../caregivers/domain/regions.data.ts';
import { makeSearchInterpreter } from './interpret-search.ts';
import { parseKoreanNumber } from './numbers.ts';
import { SEARCH_CASES } from './search-cases.data.ts';
import { SCORED_FIELDS, scoreSearch } from './search-score.ts';

// The catalogue comes from the caregivers module at run time (CaregiversApi.regionCatalogue); here its data.
const interpret = makeSearchInterpreter(REGION_CATALOGUE);
const filters = (query: string) => interpret(query).filters;

describe('rules search interpreter', () => {
  it('scores F1 >= 0.95 on our own request set, per field and overall', () => {
    expect(SEARCH_CASES.length).toBeGreaterThanOrEqual(60);
    const score = scoreSearch(SEARCH_CASES, filters);
    const line = SCORED_FIELDS.map((f) => `${f} ${score.fields[f].f1.toFixed(3)}`).join(', ');
    console.log(`rules interpreter F1 on ${SEARCH_CASES.length} requests: overall ${score.overall.f1.toFixed(3)} (${line})`);
    expect(score.overall.f1).toBeGreaterThanOrEqual(0.95);
    for (const field of SCORED_FIELDS) expect([field, score.fields[field].f1 >= 0.9]).toEqual([field, true]);
  });

  it.each([
    ['서울 강남', { sido: '서울특별시', sigungu: '강남구' }],
    ['서울특별시 강남구', { sido: '서울특별시', sigungu: '강남구' }],
    ['강남', { sido: '서울특별시', sigungu: '강남구' }],
    ['해운대구', { sido: '부산광역시', sigungu: '해운대구' }],
    ['부산진구', { sido: '부산광역시', sigungu: '부산진구' }],
    ['남양주', { sido: '경기도', sigungu: '남양주시' }],
    ['광주', { sido: '광주광역시' }],
    ['경기 광주', { sido: '경기도', sigungu: '광주시' }],
    ['제주', { sido: '제주특별자치도' }],
    ['제주시', { sido: '제주특별자치도', sigungu: '제주시' }],
    ['중구', {}],
    ['대구 중구', { sido: '대구광역시', sigungu: '중구' }],
    ['강남 서초 송파', { sido: '서울특별시' }],
    ['고성군', {}],
    ['강원 고성', { sido: '강원특별자치도', sigungu: '고성군' }],
    ['Mapo', { sido: '서울특별시', sigungu: '마포구' }],
    ['Gangnam-gu', { sido: '서울특별시', sigungu: '강남구' }],
    ['gangnam gu', { sido: '서울특별시', sigungu: '강남구' }],
    ['Busan', { sido: '부산광역시' }],
    ['Suwon-si', { sido: '경기도', sigungu: '수원시' }],
    ['Gyeonggi Province', { sido: '경기도' }],
    ['North Chungcheong', { sido: '충청북도' }],
    ['Jung-gu', {}],
    ['Jung-gu, Seoul', { sido: '서울특별시', sigungu: '중구' }],
    ['Gangneung', { sido: '강원특별자치도', sigungu: '강릉시' }],
    ['Ilsan', { sido: '경기도', sigungu: '고양시' }],
  ])('region %s', (query, expected) => {
    const { sido, sigungu } = filters(query);
    expect({ ...(sido ? { sido } : {}), ...(sigungu ? { sigungu } : {}) }).toEqual(expected);
  });

  it('reads everyday words that are also place names as words unless their sido is named', () => {
    expect(filters('상주 간병인')).toEqual({ serviceType: ['LIVE_IN'] });
    expect(filters('경북 상주')).toEqual({ sido: '경상북도', sigungu: '상주시' });
    expect(filters('예산 15만원')).toEqual({ maxDailyRate: 150_000 });
    expect(filters('고양이 있는 집')).toEqual({ serviceType: ['HOME'] });
    expect(filters('남동생이 보호자예요')).toEqual({});
  });

  it.each([
    ['시급 15,000원', { maxHourlyRate: 15_000 }],
    ['시급 만원', { maxHourlyRate: 10_000 }],
    ['시급 만오천원 이하', { maxHourlyRate: 15_000 }],
    ['시간당 1만 5천원', { maxHourlyRate: 15_000 }],
    ['일당 13만원', { maxDailyRate: 130_000 }],
    ['하루 십오만 원', { maxDailyRate: 150_000 }],
    ['2만 원 이하', { maxHourlyRate: 20_000 }],
    ['15만원 이하', { maxDailyRate: 150_000 }],
    ['시급 1만8천원, 일당 14만원', { maxHourlyRate: 18_000, maxDailyRate: 140_000 }],
    ['일당 12만~13만원', { maxDailyRate: 130_000 }],
    ['월급 250만원', {}],
    ['under 20,000 won an hour', { maxHourlyRate: 20_000 }],
    ['₩150k a day', { maxDailyRate: 150_000 }],
    ['max 18000 KRW per hour', { maxHourlyRate: 18_000 }],
    ['up to 17k won/hour', { maxHourlyRate: 17_000 }],
  ])('money %s', (query, expected) => {
    expect(filters(query)).toEqual(expected);
  });

  it.each([
    ['경력 5년 이상', { minCareerYears: 5 }],
    ['10년차 간병인', { minCareerYears: 10 }],
    ['경력 십년', { minCareerYears: 10 }],
    ['10+ years', { minCareerYears: 10 }],
    ['at least 3 years of experience', { minCareerYears: 3 }],
    ['a decade of experience', { minCareerYears: 10 }],
    ['my 80 years old father', {}],
    ['평점 4.5 이상', { minRating: 4.5 }],
    ['별점 4점 이상', { minRating: 4 }],
    ['4점대', { minRating: 4 }],
    ['4 stars or more', { minRating: 4 }],
    ['rated 4.5+', { minRating: 4.5 }],
    ['rating above 4', { minRating: 4 }],
  ])('years and ratings %s', (query, expected) => {
    expect(filters(query)).toEqual(expected);
  });

  it.each([
    ['치매', ['DEMENTIA']],
    ['병원 간병', ['HOSPITAL']],
    ['병원 동행', ['COMPANION']],
    ['병원 다닐 때 같이', ['COMPANION']],
    ['재가 돌봄', ['HOME']],
    ['집에서 돌봐 주세요', ['HOME']],
    ['집중 케어', []],
    ['간병인 모집', []],
    ['야간', ['NIGHT']],
    ['밤에만', ['NIGHT']],
    ['입주', ['LIVE_IN']],
    ['24시간', ['LIVE_IN']],
    ['재활', ['REHABILITATION']],
    ['외출 동행', ['COMPANION']],
    ['hospital care', ['HOSPITAL']],
    ['to hospital appointments', ['COMPANION']],
    ['live-in', ['LIVE_IN']],
    ['overnight', ['NIGHT']],
    ['at home', ['HOME']],
    ['nursing home', []],
    ['rehab', ['REHABILITATION']],
  ])('service %s', (query, expected) => {
    expect(filters(query).serviceType ?? []).toEqual(expected);
  });

  it.each([
    ['여성 간병인', 'FEMALE'],
    ['이모님', 'FEMALE'],
    ['남자분', 'MALE'],
    ['여성 환자', undefined],
    ['female patient, male caregiver', 'MALE'],
    ['a woman', 'FEMALE'],
    ['성별 무관', undefined],
    ['male or female', undefined],
  ])('gender %s', (query, expected) => {
    expect(filters(query).gender).toBe(expected);
  });

  it.each([
    ['중국어 가능', 'zh'],
    ['조선족', 'zh'],
    ['베트남어', 'vi'],
    ['영어 가능', 'en'],
    ['speaks Vietnamese', 'vi'],
    ['Korean-Chinese caregiver', 'zh'],
    ['English-speaking', 'en'],
    ['caregiver in English please', undefined],
  ])('language %s', (query, expected) => {
    expect(filters(query).language).toBe(expected);
  });

  it('explains in the request language, and says when a district is ambiguous', () => {
    expect(interpret('서울 강남 치매').explanation).toBe('서울특별시 강남구, 치매 돌봄 조건으로 찾았습니다.');
    expect(interpret('Gangnam dementia').explanation).toBe('Searching for: Gangnam-gu, Seoul, dementia care.');
    expect(interpret('중구').explanation).toContain('중구');
    expect(interpret('hello').explanation).toBe('No conditions recognised: showing all caregivers.');
  });

  it('parses Korean numbers', () => {
    expect(parseKoreanNumber('1만5천')).toBe(15_000);
    expect(parseKoreanNumber('만오천')).toBe(15_000);
    expect(parseKoreanNumber('십삼만')).toBe(130_000);
    expect(parseKoreanNumber('1.5만')).toBe(15_000);
    expect(parseKoreanNumber('15,000')).toBe(15_000);
    expect(parseKoreanNumber('abc')).toBeUndefined();
  });
});
