import { sql, type Selectable } from 'kysely';
import { typed } from '../../../platform/db/repository.ts';
import type { EntryKind, LineKind } from '../domain/plan.ts';

// The settlements schema's tables as Kysely sees them (migration 0001-settlements.sql), shared by the
// repositories. Amounts are bigint columns read back through Number(): PGlite and node-postgres differ in
// how they hand bigint and sums over.

export interface EntriesTable {
  id: string;
  event_id: string;
  reservation_id: string;
  kind: EntryKind;
  amount: number;
  occurred_at: Date;
  settlement_id: string | null;
  created_at: Date;
}

export interface FinishedTable {
  reservation_id: string;
  caregiver_id: string;
  caregiver_user_id: string;
  caregiver_name: string;
  finish_kind: 'COMPLETED' | 'CANCELLED';
  finished_at: Date;
}

export interface RunsTable {
  id: string;
  actor_id: string | null;
  trigger: 'MANUAL' | 'SCHEDULE';
  period_start: Date;
  period_end: Date;
  settlement_count: number;
  gross_amount: number;
  commission_amount: number;
  net_amount: number;
  created_at: Date;
}

export interface SettlementsTable {
  id: string;
  run_id: string;
  caregiver_id: string;
  caregiver_user_id: string;
  caregiver_name: string;
  period_start: Date;
  period_end: Date;
  gross_amount: number;
  commission_amount: number;
  net_amount: number;
  commission_rate_bps: number;
  status: 'PENDING' | 'PAID';
  created_at: Date;
  paid_at: Date | null;
  transfer_reference: string | null;
  payout_provider: string | null;
}

export interface LinesTable {
  id: string;
  settlement_id: string;
  reservation_id: string;
  kind: LineKind;
  finished_at: Date;
  paid: number;
  refunded: number;
  amount: number;
  commission_amount: number;
  net_amount: number;
  position: number;
}

export interface Tables {
  'settlements.entries': EntriesTable;
  'settlements.finished_reservations': FinishedTable;
  'settlements.runs': RunsTable;
  'settlements.settlements': SettlementsTable;
  'settlements.lines': LinesTable;
}

export type EntryRow = Selectable<EntriesTable>;
export type FinishedRow = Selectable<FinishedTable>;
export type RunRow = Selectable<RunsTable>;
export type SettlementRow = Selectable<SettlementsTable>;
export type LineRow = Selectable<LinesTable>;

export const q = typed<Tables>;
export const RUN_LOCK = 727_011;

export const MONEY_COLUMNS = ['gross_amount', 'commission_amount', 'net_amount'] as const;
function numeric<R extends object>(row: R, columns: readonly string[]): R {
  const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const column of columns) if (column in copy) copy[column] = Number(copy[column]);
  return copy as R;
}
export const settlementOf = (row: SettlementRow): SettlementRow => numeric(row, [...MONEY_COLUMNS, 'commission_rate_bps']);
export const runOf = (row: RunRow): RunRow => numeric(row, [...MONEY_COLUMNS, 'settlement_count']);
export const lineOf = (row: LineRow): LineRow => numeric(row, ['paid', 'refunded', 'amount', 'commission_amount', 'net_amount', 'position']);

/** Whether the reservation `fr` (finished_reservations) already has its FINISHED line. */
export const hasFinishedLine = sql<boolean>`EXISTS (SELECT 1 FROM settlements.lines l WHERE l.reservation_id = fr.reservation_id AND l.kind = 'FINISHED')`;
