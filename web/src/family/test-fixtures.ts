import type { CaregiverCard, Reservation, User } from '../api/types.ts';

// Canned API answers for the family component tests.

export const guardian: User = { id: 'u-g', email: 'g@example.com', name: '보호자', phone: null, role: 'GUARDIAN', preferredLanguage: 'ko' } as User;

export function caregiver(overrides: Partial<CaregiverCard> = {}): CaregiverCard {
  return {
    id: 'cg-1',
    userId: 'u-c1',
    displayName: '김영희',
    gender: 'FEMALE',
    birthYear: 1970,
    careerYears: 12,
    introduction: '병원 간병 경력 12년입니다.',
    certificates: [{ type: 'CARE_WORKER', number: '****1234' }],
    regions: [{ sido: '서울특별시', sigungu: '강남구' }],
    serviceTypes: ['HOSPITAL', 'DEMENTIA'],
    languages: ['ko', 'en'],
    hourlyRate: 15000,
    dailyRate: 130000,
    status: 'APPROVED',
    ratingAverage: 4.8,
    reviewCount: 25,
    ...overrides,
  };
}

export const regions = {
  items: [
    { sido: '서울특별시', sidoEn: 'Seoul', sigungu: ['강남구', '종로구'] },
    { sido: '부산광역시', sidoEn: 'Busan', sigungu: ['해운대구'] },
  ],
  nextCursor: null,
};

export const quote = (hours: number, unitPrice = 15000) => ({
  caregiverId: 'cg-1',
  rateType: 'HOURLY',
  startAt: '2026-12-01T00:00:00Z',
  endAt: '2026-12-01T04:00:00Z',
  lines: [{ kind: 'BASE', description: 'base', units: hours, unitPrice, amount: hours * unitPrice }],
  totalAmount: hours * unitPrice,
});

export function reservation(overrides: Partial<Reservation> = {}): Reservation {
  return {
    id: 'r-1',
    guardianId: 'u-g',
    caregiverId: 'cg-1',
    caregiverName: '김영희',
    status: 'REQUESTED',
    rateType: 'HOURLY',
    serviceType: 'HOSPITAL',
    startAt: '2026-12-01T00:00:00Z',
    endAt: '2026-12-01T04:00:00Z',
    location: { sido: '서울특별시', sigungu: '강남구', address: '서울병원 501호' },
    patient: { name: '박환자', birthYear: 1940, gender: 'MALE', conditions: ['치매'], notes: '야간 배회' },
    quote: quote(4) as Reservation['quote'],
    totalAmount: 60000,
    createdAt: '2026-11-20T00:00:00Z',
    updatedAt: '2026-11-20T00:00:00Z',
    ...overrides,
  };
}
