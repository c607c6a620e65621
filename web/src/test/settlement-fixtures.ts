import type { EarningsSummary, Settlement, SettlementLine, SettlementRun } from '../api/settlements.ts';

// Canned settlement answers for the admin and caregiver component tests: one caregiver, the week
// 30 Nov – 7 Dec 2026 (KST), two bookings at a 10 % commission.

export function settlementLine(overrides: Partial<SettlementLine> = {}): SettlementLine {
  return {
    reservationId: 'res-00000001-aaaa',
    kind: 'FINISHED',
    finishedAt: '2026-12-02T09:00:00.000Z',
    paid: 150_000,
    refunded: 0,
    amount: 150_000,
    commissionAmount: 15_000,
    netAmount: 135_000,
    ...overrides,
  };
}

export function settlement(overrides: Partial<Settlement> = {}): Settlement {
  const lines = [settlementLine(), settlementLine({ reservationId: 'res-00000002-bbbb', paid: 120_000, refunded: 30_000, amount: 90_000, commissionAmount: 9_000, netAmount: 81_000 })];
  return {
    id: 'stl-00000001-cccc',
    caregiverId: 'cg-1',
    caregiverUserId: 'u-c1',
    caregiverName: '김영희',
    periodStart: '2026-11-29T15:00:00.000Z',
    periodEnd: '2026-12-06T15:00:00.000Z',
    grossAmount: 240_000,
    commissionAmount: 24_000,
    netAmount: 216_000,
    commissionRate: 0.1,
    status: 'PENDING',
    runId: 'run-1',
    createdAt: '2026-12-07T01:00:00.000Z',
    paidAt: null,
    transferReference: null,
    payoutProvider: null,
    lines,
    ...overrides,
  };
}

export function settlementRun(overrides: Partial<SettlementRun> = {}): SettlementRun {
  return {
    id: 'run-1',
    trigger: 'MANUAL',
    periodStart: '2026-11-29T15:00:00.000Z',
    periodEnd: '2026-12-06T15:00:00.000Z',
    settlementCount: 1,
    grossAmount: 240_000,
    commissionAmount: 24_000,
    netAmount: 216_000,
    createdAt: '2026-12-09T01:00:00.000Z',
    createdBy: 'admin-1',
    ...overrides,
  };
}

export function earningsSummary(overrides: Partial<EarningsSummary> = {}): EarningsSummary {
  return {
    thisMonth: { grossAmount: 240_000, commissionAmount: 24_000, netAmount: 216_000, reservationCount: 2 },
    unsettled: { netAmount: 54_000, reservationCount: 1 },
    pending: { netAmount: 216_000, count: 1 },
    paid: { netAmount: 1_350_000, count: 3 },
    nextPayoutDate: '2026-12-13T18:00:00.000Z',
    commissionRate: 0.1,
    ...overrides,
  };
}
