import type { AdminPayment, AdminStats } from '../admin/admin-api.ts';
import type { CaregiverCard, Reservation, User } from '../api/types.ts';
import type { MyProfile } from '../caregiver/data.ts';

// Canned API answers for the component tests of every area (family, caregiver, admin): one caregiver,
// one booking, one payment, each changed per test through `overrides`.

const user = (id: string, name: string, email: string, role: User['role']): User => ({ id, email, name, phone: null, role, preferredLanguage: 'ko' }) as User;

export const guardianUser = user('u-g', '보호자', 'g@example.com', 'GUARDIAN');
export const caregiverUser = user('u-c1', '김영희', 'cg@example.com', 'CAREGIVER');
export const adminUser = user('admin-1', '관리자', 'admin@demo.carenest.kr', 'ADMIN');

/** An approved caregiver as families find them (GET /caregivers). */
export function caregiverCard(overrides: Partial<CaregiverCard> = {}): CaregiverCard {
  return {
    id: 'cg-1',
    userId: caregiverUser.id,
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

/** The same caregiver's whole profile (GET /caregivers/me, the admin review queue): new, under review, with documents. */
export function caregiverProfile(overrides: Partial<MyProfile> = {}): MyProfile {
  const submitted = '2026-11-20T01:00:00.000Z';
  return {
    ...caregiverCard({ certificates: [{ type: 'CARE_WORKER', number: '2019-123456' }], languages: ['ko'], status: 'PENDING', ratingAverage: 0, reviewCount: 0 }),
    documents: [
      { id: 'doc-1', kind: 'CERTIFICATE', contentType: 'image/png', size: 204800, createdAt: submitted },
      { id: 'doc-2', kind: 'ID_CARD', contentType: 'application/pdf', size: 1_572_864, createdAt: submitted },
    ],
    submittedAt: submitted,
    createdAt: submitted,
    updatedAt: submitted,
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

/** The price of `hours` hours of hospital care from 09:00 Seoul time on 1 December. */
export const quote = (hours: number, unitPrice = 15000) => ({
  caregiverId: 'cg-1',
  rateType: 'HOURLY',
  startAt: '2026-12-01T00:00:00.000Z',
  endAt: new Date(Date.parse('2026-12-01T00:00:00.000Z') + hours * 3_600_000).toISOString(),
  lines: [{ kind: 'BASE', description: 'base', units: hours, unitPrice, amount: hours * unitPrice }],
  totalAmount: hours * unitPrice,
});

/** A new request for four hours of hospital care, from the guardian to the caregiver above. */
export function reservation(overrides: Partial<Reservation> = {}): Reservation {
  const price = quote(4);
  return {
    id: 'res-00000001-aaaa',
    guardianId: guardianUser.id,
    caregiverId: 'cg-1',
    caregiverName: '김영희',
    status: 'REQUESTED',
    rateType: 'HOURLY',
    serviceType: 'HOSPITAL',
    startAt: price.startAt,
    endAt: price.endAt,
    location: { sido: '서울특별시', sigungu: '강남구', address: '서울병원 503호' },
    quote: price as Reservation['quote'],
    totalAmount: price.totalAmount,
    patient: { name: '박환자', birthYear: 1940, gender: 'MALE', conditions: ['치매 초기', '낙상 위험'], notes: '밤에 자주 깹니다.' },
    requestMessage: '잘 부탁드립니다.',
    expiresAt: '2026-11-26T00:00:00.000Z',
    createdAt: '2026-11-25T00:00:00.000Z',
    updatedAt: '2026-11-25T00:00:00.000Z',
    ...overrides,
  };
}

/** A paid card payment, as the admin list shows it. */
export function payment(overrides: Partial<AdminPayment> = {}): AdminPayment {
  return {
    id: 'pay-1',
    reservationId: 'res-00000001-aaaa',
    orderId: 'order-abc-1',
    orderName: '간병 예약 res-0000',
    amount: 120000,
    balanceAmount: 120000,
    status: 'DONE',
    method: '카드',
    provider: 'sandbox',
    guardianId: guardianUser.id,
    guardianName: guardianUser.name,
    caregiverId: 'cg-1',
    caregiverName: '김영희',
    approvedAt: '2026-11-25T02:00:00.000Z',
    createdAt: '2026-11-25T01:30:00.000Z',
    ...overrides,
  };
}

export const stats: AdminStats = {
  reservations: { byStatus: { REQUESTED: 3, ACCEPTED: 1, CONFIRMED: 4, IN_PROGRESS: 2, COMPLETED: 10, REJECTED: 0, CANCELLED: 1, EXPIRED: 0 } },
  payments: { grossAmount: 1_234_000, refundedAmount: 34_000, netAmount: 1_200_000 },
  users: { active: 42, byRole: { GUARDIAN: 5, CAREGIVER: 36, ADMIN: 1 } },
  caregivers: { byStatus: { PENDING: 2, APPROVED: 33, REJECTED: 1, SUSPENDED: 0 } },
  generatedAt: '2026-11-25T03:00:00.000Z',
  period: { from: '2026-10-26T15:00:00.000Z', to: '2026-11-25T03:00:00.000Z', granularity: 'day' },
  series: [],
  periodTotals: {
    reservations: { created: 0, byStatus: { REQUESTED: 0, ACCEPTED: 0, CONFIRMED: 0, IN_PROGRESS: 0, COMPLETED: 0, REJECTED: 0, CANCELLED: 0, EXPIRED: 0 } },
    grossAmount: 0,
    refundedAmount: 0,
    commissionAmount: 0,
    newUsers: 0,
    activeCaregivers: 0,
  },
};

export const page = <T>(items: T[]) => ({ items, nextCursor: null });
