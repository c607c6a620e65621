import { particle } from '../../../platform/korean.ts';
import type { CaregiverSearchFilters, ServiceType } from '../../caregivers/contract.ts';

// The short explanation of POST /ai/caregiver-search: which filters were read, in the request's language,
// so a family sees at once what the search understood (and can correct it). Pure.

const SERVICE_NAMES: Readonly<Record<ServiceType, { ko: string; en: string }>> = {
  HOSPITAL: { ko: '병원 간병', en: 'hospital care' },
  HOME: { ko: '재가 돌봄', en: 'care at home' },
  NIGHT: { ko: '야간 돌봄', en: 'night care' },
  LIVE_IN: { ko: '24시간 상주', en: 'live-in (24 h)' },
  DEMENTIA: { ko: '치매 돌봄', en: 'dementia care' },
  REHABILITATION: { ko: '재활 보조', en: 'rehabilitation support' },
  COMPANION: { ko: '외출·병원 동행', en: 'outings and hospital visits' },
};

const LANGUAGE_NAMES: Readonly<Record<string, { ko: string; en: string }>> = {
  ko: { ko: '한국어', en: 'Korean' },
  en: { ko: '영어', en: 'English' },
  zh: { ko: '중국어', en: 'Chinese' },
  vi: { ko: '베트남어', en: 'Vietnamese' },
  ja: { ko: '일본어', en: 'Japanese' },
  ru: { ko: '러시아어', en: 'Russian' },
  mn: { ko: '몽골어', en: 'Mongolian' },
  th: { ko: '태국어', en: 'Thai' },
  tl: { ko: '필리핀어', en: 'Filipino' },
  uz: { ko: '우즈베크어', en: 'Uzbek' },
};

const won = (amount: number) => amount.toLocaleString('en-US');

export function explainFilters(
  filters: CaregiverSearchFilters,
  language: 'ko' | 'en',
  context: { readonly ambiguous?: readonly string[]; readonly englishName: (official: string) => string },
): string {
  const ko = language === 'ko';
  const parts: string[] = [];
  if (filters.sido !== undefined) {
    const names = [filters.sido, filters.sigungu].filter((n): n is string => n !== undefined);
    parts.push(ko ? names.join(' ') : names.map(context.englishName).reverse().join(', '));
  }
  for (const type of filters.serviceType ?? []) parts.push(SERVICE_NAMES[type][language]);
  if (filters.gender !== undefined) parts.push(ko ? (filters.gender === 'FEMALE' ? '여성' : '남성') : filters.gender === 'FEMALE' ? 'female' : 'male');
  if (filters.minCareerYears !== undefined) {
    parts.push(ko ? `경력 ${filters.minCareerYears}년 이상` : `${filters.minCareerYears}+ years of experience`);
  }
  if (filters.minRating !== undefined) parts.push(ko ? `평점 ${filters.minRating} 이상` : `rated ${filters.minRating}+`);
  if (filters.maxHourlyRate !== undefined) {
    parts.push(ko ? `시급 ${won(filters.maxHourlyRate)}원 이하` : `up to ₩${won(filters.maxHourlyRate)} an hour`);
  }
  if (filters.maxDailyRate !== undefined) {
    parts.push(ko ? `일당 ${won(filters.maxDailyRate)}원 이하` : `up to ₩${won(filters.maxDailyRate)} a day`);
  }
  if (filters.language !== undefined) {
    const name = LANGUAGE_NAMES[filters.language]?.[language] ?? filters.language;
    parts.push(ko ? `${name} 가능` : `speaks ${name}`);
  }
  const sentences: string[] = [];
  if (parts.length === 0) {
    sentences.push(ko ? '조건을 찾지 못해 모든 간병인을 보여 드립니다.' : 'No conditions recognised: showing all caregivers.');
  } else {
    sentences.push(ko ? `${parts.join(', ')} 조건으로 찾았습니다.` : `Searching for: ${parts.join(', ')}.`);
  }
  const ambiguous = context.ambiguous ?? [];
  if (ambiguous.length > 0) {
    const words = ambiguous.join(', ');
    sentences.push(
      ko ? `'${words}'${particle(words, '은/는')} 여러 시·도에 있어 지역으로 쓰지 않았습니다. 시·도를 함께 적어 주세요.` : `"${words}" exists in several provinces or cities, so no region was set: please add the city.`,
    );
  }
  return sentences.join(' ');
}
