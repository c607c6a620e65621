// Demo people, made deterministically (same data on every machine) from a small seeded generator.

import { withParticle } from '../platform/korean.ts';

export interface DemoCaregiver {
  readonly name: string;
  readonly gender: 'MALE' | 'FEMALE';
  readonly birthYear: number;
  readonly careerYears: number;
  readonly introduction: string;
  readonly certificates: { type: 'CARE_WORKER' | 'NURSE_AIDE' | 'NURSE' | 'SOCIAL_WORKER'; number: string; issuedOn: string }[];
  readonly regions: { sido: string; sigungu?: string }[];
  readonly serviceTypes: ('HOSPITAL' | 'HOME' | 'NIGHT' | 'LIVE_IN' | 'DEMENTIA' | 'REHABILITATION' | 'COMPANION')[];
  readonly languages: string[];
  readonly hourlyRate: number;
  readonly dailyRate: number;
}

const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황'];
const FEMALE = ['영희', '미숙', '순자', '정희', '은주', '지현', '수진', '혜경', '옥순', '명자', '경희', '선영'];
const MALE = ['철수', '영호', '성민', '동현', '재훈', '광수', '민수', '상철', '병호', '종석'];
const AREAS: { sido: string; sigungu: string[] }[] = [
  { sido: '서울특별시', sigungu: ['강남구', '송파구', '마포구', '서초구', '노원구', '관악구', '강서구', '종로구'] },
  { sido: '경기도', sigungu: ['수원시', '성남시', '고양시', '용인시', '부천시', '안양시'] },
  { sido: '부산광역시', sigungu: ['해운대구', '부산진구', '동래구', '사하구', '수영구'] },
];
const SERVICES = ['HOSPITAL', 'HOME', 'NIGHT', 'LIVE_IN', 'DEMENTIA', 'REHABILITATION', 'COMPANION'] as const;
const EXTRA_LANGUAGES = ['en', 'zh', 'vi', 'ja'];
const SERVICE_TEXT: Record<(typeof SERVICES)[number], string> = {
  HOSPITAL: '병원 간병',
  HOME: '재가 돌봄',
  NIGHT: '야간 돌봄',
  LIVE_IN: '24시간 상주 간병',
  DEMENTIA: '치매 어르신 돌봄',
  REHABILITATION: '재활 보조',
  COMPANION: '병원 동행',
};

/** mulberry32: a tiny deterministic generator, enough for demo variety. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoCaregivers(count: number, currentYear: number): DemoCaregiver[] {
  const random = generator(20261125);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const people: DemoCaregiver[] = [];
  for (let i = 0; i < count; i++) {
    const area = AREAS[i % AREAS.length]!;
    const gender = random() < 0.75 ? 'FEMALE' : 'MALE';
    const name = `${pick(SURNAMES)}${pick(gender === 'FEMALE' ? FEMALE : MALE)}`;
    const age = 38 + Math.floor(random() * 30);
    const careerYears = Math.min(age - 20, 1 + Math.floor(random() * 20));
    const services = SERVICES.filter(() => random() < 0.4);
    if (services.length === 0) services.push(pick(SERVICES));
    const languages = ['ko', ...EXTRA_LANGUAGES.filter(() => random() < 0.15)];
    const first = pick(area.sigungu);
    const regions = random() < 0.2 ? [{ sido: area.sido }] : [...new Set([first, pick(area.sigungu)])].map((sigungu) => ({ sido: area.sido, sigungu }));
    const hourlyRate = 12_000 + Math.floor(random() * 14) * 1_000;
    const certificates = [
      { type: 'CARE_WORKER' as const, number: `제${2010 + (i % 14)}-${String(100000 + i * 37).slice(0, 6)}호`, issuedOn: `${currentYear - careerYears}-03-15` },
      ...(random() < 0.25 ? [{ type: 'NURSE_AIDE' as const, number: `NA-${20000 + i}`, issuedOn: `${currentYear - careerYears}-09-01` }] : []),
    ];
    people.push({
      name,
      gender,
      birthYear: currentYear - age,
      careerYears,
      introduction:
        `${careerYears}년 경력의 요양보호사입니다. ${withParticle(services.map((s) => SERVICE_TEXT[s]).join(', '), '을/를')} 주로 합니다. ` +
        `${area.sido} ${first} 지역에서 활동하며, 어르신과 가족의 마음을 먼저 생각합니다.`,
      certificates,
      regions,
      serviceTypes: services,
      languages,
      hourlyRate,
      dailyRate: Math.round((hourlyRate * 8.5) / 5_000) * 5_000,
    });
  }
  return people;
}

export const DEMO_GUARDIANS = [
  { name: '김민지', preferredLanguage: 'ko' },
  { name: '이서준', preferredLanguage: 'ko' },
  { name: '박지우', preferredLanguage: 'en' },
  { name: 'Nguyen Thi Lan', preferredLanguage: 'vi' },
  { name: '王丽', preferredLanguage: 'zh' },
] as const;
