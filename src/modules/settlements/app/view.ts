import type { Executor } from '../../../platform/db/database.ts';
import { basisPointsToRate } from '../domain/commission.ts';
import type { PlannedLine, PlannedSettlement } from '../domain/plan.ts';
import type { Period } from '../domain/period.ts';
import { linesOf, type LineRow, type RunRow, type SettlementRow } from '../db/settlements.repo.ts';
import type { RunView, SettlementLineView, SettlementPreviewView, SettlementView } from './schemas.ts';

// Rows and plans -> the views of app/schemas.ts.

function lineView(line: LineRow | PlannedLine): SettlementLineView {
  const row = 'settlement_id' in line;
  return {
    reservationId: row ? line.reservation_id : line.reservationId,
    kind: line.kind,
    finishedAt: (row ? line.finished_at : line.finishedAt).toISOString(),
    paid: line.paid,
    refunded: line.refunded,
    amount: line.amount,
    commissionAmount: row ? line.commission_amount : line.commissionAmount,
    netAmount: row ? line.net_amount : line.netAmount,
  };
}

export function settlementView(row: SettlementRow, lines: readonly LineRow[]): SettlementView {
  return {
    id: row.id,
    caregiverId: row.caregiver_id,
    caregiverUserId: row.caregiver_user_id,
    caregiverName: row.caregiver_name,
    periodStart: row.period_start.toISOString(),
    periodEnd: row.period_end.toISOString(),
    grossAmount: row.gross_amount,
    commissionAmount: row.commission_amount,
    netAmount: row.net_amount,
    commissionRate: basisPointsToRate(row.commission_rate_bps),
    status: row.status,
    runId: row.run_id,
    createdAt: row.created_at.toISOString(),
    paidAt: row.paid_at ? row.paid_at.toISOString() : null,
    transferReference: row.transfer_reference,
    payoutProvider: row.payout_provider,
    lines: lines.map(lineView),
  };
}

/** Settlement rows with their lines, loaded in one query. */
export async function settlementViews(db: Executor, rows: readonly SettlementRow[]): Promise<SettlementView[]> {
  const lines = await linesOf(db, rows.map((row) => row.id));
  return rows.map((row) => settlementView(row, lines.get(row.id) ?? []));
}

export function previewView(planned: PlannedSettlement, period: Period, bps: number): SettlementPreviewView {
  return {
    id: null,
    caregiverId: planned.caregiverId,
    caregiverUserId: planned.caregiverUserId,
    caregiverName: planned.caregiverName,
    periodStart: period.start.toISOString(),
    periodEnd: period.end.toISOString(),
    grossAmount: planned.grossAmount,
    commissionAmount: planned.commissionAmount,
    netAmount: planned.netAmount,
    commissionRate: basisPointsToRate(bps),
    status: 'PENDING',
    runId: null,
    createdAt: null,
    paidAt: null,
    transferReference: null,
    payoutProvider: null,
    lines: planned.lines.map(lineView),
  };
}

export function runView(row: RunRow): RunView {
  return {
    id: row.id,
    trigger: row.trigger,
    periodStart: row.period_start.toISOString(),
    periodEnd: row.period_end.toISOString(),
    settlementCount: row.settlement_count,
    grossAmount: row.gross_amount,
    commissionAmount: row.commission_amount,
    netAmount: row.net_amount,
    createdAt: row.created_at.toISOString(),
    createdBy: row.actor_id,
  };
}
