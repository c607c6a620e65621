import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { newestFirst } from '../../../platform/db/repository.ts';
import type { PageRequest } from '../../../platform/paging.ts';
import type { FinishedReservation, LedgerEntry } from '../domain/plan.ts';
import type { Period } from '../domain/period.ts';
import { hasFinishedLine, lineOf, q, RUN_LOCK, runOf, settlementOf, type EntryRow, type FinishedRow, type LineRow, type RunRow, type SettlementRow } from './tables.ts';

// The only place settlements talks SQL besides earnings.repo.ts (tables in tables.ts): the ledger, runs,
// settlements and their lines.

export type { EntryRow, FinishedRow, LineRow, RunRow, SettlementRow } from './tables.ts';

// --- the ledger (consumers) ---

/** One payment or refund, once per event id. */
export async function insertEntry(db: Executor, row: EntryRow): Promise<void> {
  await q(db).insertInto('settlements.entries').values(row).onConflict((oc) => oc.column('event_id').doNothing()).execute();
}

/** A reservation finishes once; a redelivery (or a second finishing event) changes nothing. */
export async function insertFinished(db: Executor, row: FinishedRow): Promise<void> {
  await q(db).insertInto('settlements.finished_reservations').values(row).onConflict((oc) => oc.column('reservation_id').doNothing()).execute();
}

/** A withdrawn caregiver's name, replaced wherever it is copied. */
export async function renameCaregiverUser(db: Executor, userId: string, name: string): Promise<void> {
  await q(db).updateTable('settlements.finished_reservations').set({ caregiver_name: name }).where('caregiver_user_id', '=', userId).execute();
  await q(db).updateTable('settlements.settlements').set({ caregiver_name: name }).where('caregiver_user_id', '=', userId).execute();
}

// --- runs ---

/** Serialises runs (manual, scheduled, every replica) until the transaction ends. */
export async function lockRuns(db: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${sql.lit(RUN_LOCK)})`.execute(db);
}

function toFinished(row: FinishedRow & { settled: boolean }): FinishedReservation {
  return {
    reservationId: row.reservation_id,
    caregiverId: row.caregiver_id,
    caregiverUserId: row.caregiver_user_id,
    caregiverName: row.caregiver_name,
    finishedAt: row.finished_at,
    settled: row.settled,
  };
}

/**
 * What a run over `period` may settle: reservations finished in it without a FINISHED line, and settled
 * reservations with unsettled entries from before its end; with their unsettled entries.
 */
export async function loadCandidates(db: Executor, period: Period): Promise<{ reservations: FinishedReservation[]; entries: LedgerEntry[] }> {
  const rows = await q(db)
    .selectFrom('settlements.finished_reservations as fr')
    .selectAll('fr')
    .select(hasFinishedLine.as('settled'))
    .where((eb) =>
      eb.or([
        eb.and([eb('fr.finished_at', '>=', period.start), eb('fr.finished_at', '<', period.end), eb.not(hasFinishedLine)]),
        eb.and([
          hasFinishedLine,
          sql<boolean>`EXISTS (SELECT 1 FROM settlements.entries e WHERE e.reservation_id = fr.reservation_id AND e.settlement_id IS NULL AND e.occurred_at < ${period.end})`,
        ]),
      ]),
    )
    .execute();
  const reservations = rows.map(toFinished);
  return { reservations, entries: await unsettledEntries(db, reservations.map((r) => r.reservationId)) };
}

export async function unsettledEntries(db: Executor, reservationIds: readonly string[]): Promise<LedgerEntry[]> {
  if (reservationIds.length === 0) return [];
  const rows = await q(db)
    .selectFrom('settlements.entries')
    .select(['id', 'reservation_id', 'kind', 'amount', 'occurred_at'])
    .where('reservation_id', 'in', reservationIds)
    .where('settlement_id', 'is', null)
    .execute();
  return rows.map((row) => ({ id: row.id, reservationId: row.reservation_id, kind: row.kind, amount: Number(row.amount), occurredAt: row.occurred_at }));
}

export async function insertRun(db: Executor, row: RunRow): Promise<void> {
  await q(db).insertInto('settlements.runs').values(row).execute();
}

export async function insertSettlement(db: Executor, row: SettlementRow, lines: readonly LineRow[]): Promise<void> {
  await q(db).insertInto('settlements.settlements').values(row).execute();
  if (lines.length > 0) await q(db).insertInto('settlements.lines').values([...lines]).execute();
}

/** Gives unsettled entries to a settlement; answers how many it took (fewer: someone else settled them). */
export async function claimEntries(db: Executor, settlementId: string, entryIds: readonly string[]): Promise<number> {
  if (entryIds.length === 0) return 0;
  const result = await q(db)
    .updateTable('settlements.entries')
    .set({ settlement_id: settlementId })
    .where('id', 'in', entryIds)
    .where('settlement_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function scheduledRunExists(db: Executor, periodStart: Date): Promise<boolean> {
  const row = await q(db).selectFrom('settlements.runs').select('id').where('trigger', '=', 'SCHEDULE').where('period_start', '=', periodStart).executeTakeFirst();
  return row !== undefined;
}

export async function listRuns(db: Executor, page: PageRequest): Promise<RunRow[]> {
  return (await newestFirst(q(db).selectFrom('settlements.runs').selectAll(), page).execute()).map(runOf);
}

// --- settlements ---

export interface SettlementFilter {
  readonly status?: 'PENDING' | 'PAID' | undefined;
  readonly caregiverId?: string | undefined;
  readonly caregiverUserId?: string | undefined;
  readonly runId?: string | undefined;
  /** Periods overlapping [from, to): period_end > from and period_start < to. */
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
}

function filtered(db: Executor, filter: SettlementFilter) {
  let query = q(db).selectFrom('settlements.settlements').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.caregiverId) query = query.where('caregiver_id', '=', filter.caregiverId);
  if (filter.caregiverUserId) query = query.where('caregiver_user_id', '=', filter.caregiverUserId);
  if (filter.runId) query = query.where('run_id', '=', filter.runId);
  if (filter.from) query = query.where('period_end', '>', filter.from);
  if (filter.to) query = query.where('period_start', '<', filter.to);
  return query;
}

/** A newest-first page of settlements (created_at, id). */
export async function listSettlements(db: Executor, filter: SettlementFilter, page: PageRequest): Promise<SettlementRow[]> {
  return (await newestFirst(filtered(db, filter), page).execute()).map(settlementOf);
}

/** Every settlement of a filter, newest first, at most `max` (the CSV export). */
export async function allSettlements(db: Executor, filter: SettlementFilter, max: number): Promise<SettlementRow[]> {
  return (await filtered(db, filter).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(max).execute()).map(settlementOf);
}

export async function findSettlement(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<SettlementRow | undefined> {
  let query = q(db).selectFrom('settlements.settlements').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && settlementOf(row);
}

/** PENDING -> PAID, only from PENDING: the row after, or undefined when it was not PENDING. */
export async function markPaid(
  db: Executor,
  id: string,
  paid: { paidAt: Date; transferReference: string | null; payoutProvider: string },
): Promise<SettlementRow | undefined> {
  const row = await q(db)
    .updateTable('settlements.settlements')
    .set({ status: 'PAID', paid_at: paid.paidAt, transfer_reference: paid.transferReference, payout_provider: paid.payoutProvider })
    .where('id', '=', id)
    .where('status', '=', 'PENDING')
    .returningAll()
    .executeTakeFirst();
  return row && settlementOf(row);
}

/** The lines of settlements, in order, grouped by settlement id. */
export async function linesOf(db: Executor, settlementIds: readonly string[]): Promise<Map<string, LineRow[]>> {
  const grouped = new Map<string, LineRow[]>();
  if (settlementIds.length === 0) return grouped;
  const rows = await q(db).selectFrom('settlements.lines').selectAll().where('settlement_id', 'in', settlementIds).orderBy('position').execute();
  for (const row of rows.map(lineOf)) {
    const list = grouped.get(row.settlement_id) ?? [];
    list.push(row);
    grouped.set(row.settlement_id, list);
  }
  return grouped;
}
