import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Clock } from '../clock.ts';
import type { AnyDb, Database } from '../db/database.ts';
import type { Poller, PollerSpec } from '../poller.ts';
import type { RetentionPolicy, RetentionSettings } from './settings.ts';

// The retention worker: one poller that applies every module's retention rules in small batches. Each
// module declares its rules next to its data (Module.retention, SQL in its repository); the platform
// only schedules them, holds one lock so a single replica runs them, and measures.

/** One kind of record that is deleted or anonymised once its period (`policy`) has passed. */
export interface RetentionRule {
  /** The metric label and log name: the table, with a qualifier when one table has several rules. */
  readonly table: string;
  readonly policy: RetentionPolicy;
  readonly action: 'delete' | 'anonymise';
  /**
   * Deletes or anonymises at most `limit` rows that became due before `cutoff` (now minus the period), in
   * one short statement that skips rows others hold locked; answers how many. Never touches a row that
   * some consumer has still to handle.
   */
  prune(db: AnyDb, cutoff: Date, limit: number): Promise<number>;
  /** When the oldest row this rule will act on started its period (undefined: none); read by an index. */
  oldest(db: AnyDb): Promise<Date | undefined>;
}

export interface RetentionRunResult {
  /** False when another replica held the lock and this run did nothing. */
  readonly ran: boolean;
  /** Rows deleted or anonymised, by rule table. */
  readonly pruned: Readonly<Record<string, number>>;
  /** Batches executed, all rules together. */
  readonly batches: number;
}

export interface RetentionDeps {
  readonly database: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Registry;
  readonly poller: <T>(spec: PollerSpec<T>) => Poller<T>;
}

/** The session advisory lock that elects the replica running retention (any fixed number of ours). */
export const RETENTION_LOCK = 727_016;

export function createRetentionWorker(deps: RetentionDeps, settings: RetentionSettings, rules: readonly RetentionRule[]): Poller<RetentionRunResult> {
  const metrics = retentionMetrics(deps.metrics);
  const log = deps.logger.child({ component: 'retention' });

  async function applyRule(rule: RetentionRule, startedAt: number, pruned: Record<string, number>): Promise<number> {
    const db = deps.database.db;
    const cutoff = new Date(deps.clock.now().getTime() - settings.periods[rule.policy]);
    let batches = 0;
    for (;;) {
      const end = metrics.batch.startTimer({ table: rule.table });
      const count = await rule.prune(db, cutoff, settings.batchSize);
      end();
      batches += 1;
      pruned[rule.table] = (pruned[rule.table] ?? 0) + count;
      if (count > 0) metrics.pruned.inc({ table: rule.table, action: rule.action }, count);
      if (count < settings.batchSize || Date.now() - startedAt >= settings.runBudgetMs) break;
      if (settings.batchPauseMs > 0) await sleep(settings.batchPauseMs);
    }
    const oldest = await rule.oldest(db);
    const overdue = oldest ? Math.max(0, cutoff.getTime() - oldest.getTime()) / 1000 : 0;
    metrics.overdue.set({ table: rule.table }, overdue);
    return batches;
  }

  async function runOnce(): Promise<RetentionRunResult> {
    const outcome = await whileElected(deps.database, async () => {
      const startedAt = Date.now();
      const pruned: Record<string, number> = {};
      let batches = 0;
      for (const rule of rules) {
        try {
          batches += await applyRule(rule, startedAt, pruned);
        } catch (error) {
          // One failing rule (a table mid-migration, a lock timeout) does not hold up the others.
          metrics.errors.inc({ table: rule.table });
          log.error({ err: error, table: rule.table }, 'retention rule failed; next run retries');
        }
      }
      const total = Object.values(pruned).reduce((sum, n) => sum + n, 0);
      if (total > 0) log.info({ pruned, batches, ms: Date.now() - startedAt }, 'retention pruned rows');
      return { ran: true, pruned, batches };
    });
    return outcome ?? { ran: false, pruned: {}, batches: 0 };
  }

  return deps.poller({ name: 'platform.retention', intervalMs: settings.intervalMs, runOnce });
}

/**
 * Runs `work` only on the replica holding the retention lock (a session advisory lock on one pooled
 * connection, released after); undefined when another holds it. PGlite is one process: no lock needed.
 */
async function whileElected<T>(database: Database, work: () => Promise<T>): Promise<T | undefined> {
  if (database.kind === 'pglite') return work();
  return database.db.connection().execute(async (connection) => {
    const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${RETENTION_LOCK}) AS locked`.execute(connection);
    if (!rows[0]?.locked) return undefined;
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(${RETENTION_LOCK})`.execute(connection);
    }
  });
}

type RetentionMetrics = {
  readonly pruned: Counter<'table' | 'action'>;
  readonly overdue: Gauge<'table'>;
  readonly errors: Counter<'table'>;
  readonly batch: Histogram<'table'>;
};

const shared = new WeakMap<Registry, RetentionMetrics>();

function retentionMetrics(registry: Registry): RetentionMetrics {
  const existing = shared.get(registry);
  if (existing) return existing;
  const registers = [registry];
  const created: RetentionMetrics = {
    pruned: new Counter({
      name: 'retention_rows_pruned_total',
      help: 'Rows deleted or anonymised by the retention worker',
      labelNames: ['table', 'action'] as const,
      registers,
    }),
    overdue: new Gauge({
      name: 'retention_oldest_overdue_seconds',
      help: 'How long the oldest row due for retention has been past its period (0: on time)',
      labelNames: ['table'] as const,
      registers,
    }),
    errors: new Counter({ name: 'retention_errors_total', help: 'Retention rules that failed', labelNames: ['table'] as const, registers }),
    batch: new Histogram({
      name: 'retention_batch_duration_seconds',
      help: 'Duration of one retention batch (one statement)',
      labelNames: ['table'] as const,
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers,
    }),
  };
  shared.set(registry, created);
  return created;
}
