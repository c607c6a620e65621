import type { AdminUser, AdminUserDetail, AuditEntry, PeriodStats, StatsBucket } from '../admin/users-api.ts';
import { stats } from './fixtures.ts';

// Canned answers of the admin users, audit log and period stats routes for the component tests.

export function adminUser(overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    id: 'user-00000001-cccc',
    email: 'cg@example.com',
    name: '김영희',
    phone: '01012345678',
    role: 'CAREGIVER',
    status: 'ACTIVE',
    preferredLanguage: 'ko',
    createdAt: '2026-11-01T01:00:00.000Z',
    suspendedAt: null,
    suspensionReason: null,
    ...overrides,
  };
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 'audit-1',
    at: '2026-12-01T02:00:00.000Z',
    actorId: 'admin-00000001-aaaa',
    actorRole: 'ADMIN',
    action: 'user.suspend',
    resourceType: 'user',
    resourceId: 'user-00000001-cccc',
    details: { reason: '허위 자격증' },
    requestId: 'req-00000001-ffff',
    ...overrides,
  };
}

export function userDetail(overrides: Partial<AdminUserDetail> = {}): AdminUserDetail {
  return {
    user: adminUser(),
    reservations: [
      { id: 'res-00000001-aaaa', status: 'CONFIRMED', startAt: '2026-12-10T00:00:00.000Z', endAt: '2026-12-10T08:00:00.000Z', totalAmount: 120000, guardianId: 'u-g', caregiverId: 'cg-1', caregiverName: '김영희', createdAt: '2026-11-01T00:00:00.000Z' },
      { id: 'res-00000002-bbbb', status: 'COMPLETED', startAt: '2026-11-10T00:00:00.000Z', endAt: '2026-11-10T08:00:00.000Z', totalAmount: 120000, guardianId: 'u-g', caregiverId: 'cg-1', caregiverName: '김영희', createdAt: '2026-11-01T00:00:00.000Z' },
    ],
    payments: [],
    reviews: [{ id: 'rev-1', reservationId: 'res-00000002-bbbb', rating: 5, written: false, createdAt: '2026-11-11T00:00:00.000Z', deletedAt: null }],
    settlements: [
      {
        id: 'set-1',
        caregiverId: 'cg-1',
        caregiverUserId: 'user-00000001-cccc',
        caregiverName: '김영희',
        periodStart: '2026-11-02T15:00:00.000Z',
        periodEnd: '2026-11-09T15:00:00.000Z',
        grossAmount: 120000,
        commissionAmount: 12000,
        netAmount: 108000,
        commissionRate: 0.1,
        status: 'PAID',
        paidAt: '2026-11-10T01:00:00.000Z',
        transferReference: 'KB-1',
        payoutProvider: 'manual',
        runId: 'run-1',
        createdAt: '2026-11-10T00:00:00.000Z',
        lines: [],
      },
    ],
    auditTrail: [auditEntry({ action: 'caregiver.approve', resourceType: 'caregiver', resourceId: 'cg-1', details: {} })],
    ...overrides,
  };
}

const NONE = { REQUESTED: 0, ACCEPTED: 0, CONFIRMED: 0, IN_PROGRESS: 0, COMPLETED: 0, REJECTED: 0, CANCELLED: 0, EXPIRED: 0 };

const bucket = (start: string, end: string, figures: Partial<StatsBucket> = {}): StatsBucket => ({
  start,
  end,
  reservations: { created: 0, byStatus: NONE },
  grossAmount: 0,
  refundedAmount: 0,
  commissionAmount: 0,
  newUsers: 0,
  activeCaregivers: 0,
  ...figures,
});

export const periodStats: PeriodStats = {
  ...stats,
  period: { from: '2026-11-30T15:00:00.000Z', to: '2026-12-02T15:00:00.000Z', granularity: 'day' },
  series: [
    bucket('2026-11-30T15:00:00.000Z', '2026-12-01T15:00:00.000Z', {
      reservations: { created: 3, byStatus: { ...NONE, COMPLETED: 2, CANCELLED: 1 } },
      grossAmount: 240000,
      refundedAmount: 30000,
      commissionAmount: 21000,
      newUsers: 4,
      activeCaregivers: 2,
    }),
    bucket('2026-12-01T15:00:00.000Z', '2026-12-02T15:00:00.000Z', { reservations: { created: 1, byStatus: { ...NONE, REQUESTED: 1 } }, newUsers: 1 }),
  ],
  periodTotals: { reservations: { created: 4, byStatus: { ...NONE, COMPLETED: 2, CANCELLED: 1, REQUESTED: 1 } }, grossAmount: 240000, refundedAmount: 30000, commissionAmount: 21000, newUsers: 5, activeCaregivers: 2 },
};
