import type { Actor } from '../../../platform/access.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { pgConstraint, type Executor } from '../../../platform/db/database.ts';
import { invalid } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { planSettlements, totalsOf, type PlannedSettlement } from '../domain/plan.ts';
import { periodProblem, type Period } from '../domain/period.ts';
import { claimEntries, insertRun, insertSettlement, loadCandidates, lockRuns, scheduledRunExists, type LineRow, type RunRow, type SettlementRow } from '../db/settlements.repo.ts';
import type { SettlementsDeps } from './deps.ts';
import { settlementMetrics } from './metrics.ts';
import type { PreviewResult, RunInput, RunResult, RunTrigger } from './schemas.ts';
import { previewView, runView, settlementView } from './view.ts';

// A settlement run over [periodStart, periodEnd): plan from the ledger, then write the run, one settlement per
// caregiver and its lines, and claim the ledger entries, all in one transaction. At most once, enforced by the
// database: a transaction-scoped advisory lock serialises runs on every replica, entries are claimed only
// while unclaimed (UPDATE ... WHERE settlement_id IS NULL, all or the run fails), a reservation has one
// FINISHED line ever (unique index), and a scheduled period one SCHEDULE run (unique index).

export interface RunContext {
  readonly actor: Actor | undefined;
  readonly requestId?: string | undefined;
}

/** The period asked for; 400 INVALID_PERIOD (errors[].field periodEnd) when empty, reversed or not over. */
export function periodOf(input: RunInput, now: Date): Period {
  const period = { start: new Date(input.periodStart), end: new Date(input.periodEnd) };
  const problem = periodProblem(period, now);
  if (problem) throw invalid(`periodEnd ${problem.message}`, [problem], 'INVALID_PERIOD');
  return period;
}

async function plan(db: Executor, period: Period, basisPoints: number): Promise<PlannedSettlement[]> {
  const { reservations, entries } = await loadCandidates(db, period);
  return planSettlements({ period, reservations, entries, basisPoints });
}

function rowsOf(planned: PlannedSettlement, ids: { id: string; runId: string }, period: Period, bps: number, now: Date): { row: SettlementRow; lines: LineRow[] } {
  const row: SettlementRow = {
    id: ids.id,
    run_id: ids.runId,
    caregiver_id: planned.caregiverId,
    caregiver_user_id: planned.caregiverUserId,
    caregiver_name: planned.caregiverName,
    period_start: period.start,
    period_end: period.end,
    gross_amount: planned.grossAmount,
    commission_amount: planned.commissionAmount,
    net_amount: planned.netAmount,
    commission_rate_bps: bps,
    status: 'PENDING',
    created_at: now,
    paid_at: null,
    transfer_reference: null,
    payout_provider: null,
  };
  const lines = planned.lines.map(
    (line, position): LineRow => ({
      id: newId(),
      settlement_id: ids.id,
      reservation_id: line.reservationId,
      kind: line.kind,
      finished_at: line.finishedAt,
      paid: line.paid,
      refunded: line.refunded,
      amount: line.amount,
      commission_amount: line.commissionAmount,
      net_amount: line.netAmount,
      position,
    }),
  );
  return { row, lines };
}

export function makeRunSettlements({ platform, commissionBps }: SettlementsDeps) {
  /** Runs once; a SCHEDULE run of a period that already has one answers undefined and writes nothing. */
  async function execute(trigger: RunTrigger, period: Period, context: RunContext): Promise<RunResult | undefined> {
    const result = await record(trigger, period, context);
    if (result) {
      const metrics = settlementMetrics(platform.metrics);
      metrics.runs.inc({ trigger });
      metrics.created.inc(result.items.length);
    }
    return result;
  }

  async function record(trigger: RunTrigger, period: Period, context: RunContext): Promise<RunResult | undefined> {
    try {
      return await platform.transact(async (tx) => {
        await lockRuns(tx);
        if (trigger === 'SCHEDULE' && (await scheduledRunExists(tx, period.start))) return undefined;
        const now = platform.clock.now();
        const planned = await plan(tx, period, commissionBps);
        const totals = totalsOf(planned);
        const run: RunRow = {
          id: newId(),
          actor_id: context.actor?.userId ?? null,
          trigger,
          period_start: period.start,
          period_end: period.end,
          settlement_count: planned.length,
          gross_amount: totals.grossAmount,
          commission_amount: totals.commissionAmount,
          net_amount: totals.netAmount,
          created_at: now,
        };
        await insertRun(tx, run);
        const items = [];
        for (const settlement of planned) {
          const { row, lines } = rowsOf(settlement, { id: newId(), runId: run.id }, period, commissionBps, now);
          await insertSettlement(tx, row, lines);
          const entryIds = settlement.lines.flatMap((line) => line.entryIds);
          if ((await claimEntries(tx, row.id, entryIds)) !== entryIds.length) {
            throw new Error('settlement run: ledger entries were claimed by another run meanwhile');
          }
          items.push(settlementView(row, lines));
        }
        await writeAudit(
          tx,
          {
            actor: context.actor,
            action: 'settlement.run',
            resourceType: 'settlement_run',
            resourceId: run.id,
            details: { trigger, periodStart: period.start.toISOString(), periodEnd: period.end.toISOString(), settlementCount: planned.length, ...totals },
            ...(context.requestId !== undefined ? { requestId: context.requestId } : {}),
          },
          now,
        );
        return { run: runView(run), items };
      });
    } catch (error) {
      // Another replica recorded the scheduled run of this period first.
      if (trigger === 'SCHEDULE' && pgConstraint(error) === 'runs_one_schedule_per_period') return undefined;
      throw error;
    }
  }

  return {
    /** POST /admin/settlements/runs. */
    async runSettlements(input: RunInput, context: RunContext): Promise<RunResult> {
      const result = await execute('MANUAL', periodOf(input, platform.clock.now()), context);
      if (!result) throw new Error('a manual run always runs');
      return result;
    },
    /** The schedule's run of a period, once across replicas; undefined when it already ran. */
    runScheduled: (period: Period): Promise<RunResult | undefined> => execute('SCHEDULE', period, { actor: undefined }),
    /** POST /admin/settlements/runs/preview: what a run would create now, writing nothing. */
    async previewSettlements(input: RunInput): Promise<PreviewResult> {
      const period = periodOf(input, platform.clock.now());
      const planned = await plan(platform.database.db, period, commissionBps);
      return { items: planned.map((settlement) => previewView(settlement, period, commissionBps)) };
    },
  };
}
