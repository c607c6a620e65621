import type { AdminCaregiver, AdminPayment, AdminReservation, AdminStats } from './admin-api.ts';

// Canned API answers for the admin component tests.

export const adminUser = { id: 'admin-1', email: 'admin@demo.carenest.kr', name: '관리자', phone: null, role: 'ADMIN', preferredLanguage: 'ko' };

export const stats: AdminStats = {
  reservations: { byStatus: { REQUESTED: 3, ACCEPTED: 1, CONFIRMED: 4, IN_PROGRESS: 2, COMPLETED: 10, REJECTED: 0, CANCELLED: 1, EXPIRED: 0 } },
  payments: { grossAmount: 1_234_000, refundedAmount: 34_000, netAmount: 1_200_000 },
  users: { active: 42, byRole: { GUARDIAN: 5, CAREGIVER: 36, ADMIN: 1 } },
  caregivers: { byStatus: { PENDING: 2, APPROVED: 33, REJECTED: 1, SUSPENDED: 0 } },
  generatedAt: '2026-11-25T03:00:00.000Z',
};

export function caregiver(overrides: Partial<AdminCaregiver> = {}): AdminCaregiver {
  return {
    id: 'cg-1',
    userId: 'user-cg-1',
    displayName: '김순자',
    gender: 'FEMALE',
    birthYear: 1968,
    careerYears: 7,
    introduction: '성실하게 돌보겠습니다.',
    certificates: [{ type: 'CARE_WORKER', number: '2019-123456' }],
    regions: [{ sido: '서울특별시', sigungu: '강남구' }],
    serviceTypes: ['HOSPITAL', 'DEMENTIA'],
    languages: ['ko'],
    hourlyRate: 15000,
    dailyRate: 150000,
    status: 'PENDING',
    ratingAverage: 0,
    reviewCount: 0,
    documents: [
      { id: 'doc-1', kind: 'CERTIFICATE', contentType: 'image/png', size: 204800, createdAt: '2026-11-20T01:00:00.000Z' },
      { id: 'doc-2', kind: 'ID_CARD', contentType: 'application/pdf', size: 1_572_864, createdAt: '2026-11-20T01:00:00.000Z' },
    ],
    submittedAt: '2026-11-20T01:00:00.000Z',
    createdAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-20T01:00:00.000Z',
    ...overrides,
  };
}

export function reservation(overrides: Partial<AdminReservation> = {}): AdminReservation {
  return {
    id: 'res-00000001-aaaa',
    guardianId: 'guardian-1-xyz',
    caregiverId: 'cg-1',
    caregiverName: '김순자',
    status: 'REQUESTED',
    rateType: 'HOURLY',
    serviceType: 'HOSPITAL',
    startAt: '2026-12-01T00:00:00.000Z',
    endAt: '2026-12-01T08:00:00.000Z',
    location: { sido: '서울특별시', sigungu: '강남구', address: '테헤란로 1' },
    quote: {
      caregiverId: 'cg-1',
      rateType: 'HOURLY',
      startAt: '2026-12-01T00:00:00.000Z',
      endAt: '2026-12-01T08:00:00.000Z',
      lines: [{ kind: 'BASE', description: 'base', units: 8, unitPrice: 15000, amount: 120000 }],
      totalAmount: 120000,
    },
    totalAmount: 120000,
    patient: { name: '박환자' },
    createdAt: '2026-11-25T01:00:00.000Z',
    updatedAt: '2026-11-25T01:00:00.000Z',
    ...overrides,
  };
}

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
    guardianId: 'guardian-1-xyz',
    caregiverId: 'cg-1',
    approvedAt: '2026-11-25T02:00:00.000Z',
    createdAt: '2026-11-25T01:30:00.000Z',
    ...overrides,
  };
}
