// Retention on PostgreSQL: BENCH_ROWS aged outbox rows (published) and as many aged inbox rows, plus rows
// that must survive (unpublished outbox rows of any age, fresh rows), pruned by the real retention worker
// (platform/retention) in batches of RETENTION_BATCH_SIZE. Reported: time per batch, the latency of a
// concurrent writer (an outbox insert + an inbox insert per transaction, like a handler) before and during
// pruning, lock waits seen in pg_locks during pruning, table sizes (pg_total_relation_size) before, after
// pruning, after a plain VACUUM and after VACUUM FULL. Run: `npm run bench:retention`.
// Settings: DATABASE_URL (an admin URL; the script creates and drops its own database), BENCH_ROWS
// (1,000,000 per table), RETENTION_BATCH_SIZE (1000). Results: bench/results/retention-<time>.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { systemClock } from '../src/platform/clock.ts';
import { openPostgres, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import { createPoller } from '../src/platform/poller.ts';
import { platformRetentionRules } from '../src/platform/retention/platform-rules.ts';
import { createRetentionWorker, type RetentionRule } from '../src/platform/retention/retention.ts';
import { retentionSettings } from '../src/platform/retention/settings.ts';
import { defaultSettings } from '../src/platform/settings.ts';
import { MIGRATION_SOURCES } from '../src/modules/migrations.ts';
import { percentile } from './http-client.ts';
import { ADMIN_URL, createBenchDatabase, dropBenchDatabase } from './scratch-db.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const BATCH = Number(process.env.RETENTION_BATCH_SIZE ?? 1000);
const SURVIVORS = 10_000;
const dbName = `carenest_bench_r_${process.pid}`;
const TABLES = ['platform.outbox', 'platform.inbox'] as const;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
function summary(ms: readonly number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) };
}
const log = (line: string) => process.stderr.write(`${line}\n`);

async function sizes(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ bytes: number }>`SELECT pg_total_relation_size(${table}::regclass)::bigint AS bytes`.execute(database.db);
    out[table] = rows[0]!.bytes;
  }
  return out;
}
const mb = (bytes: Record<string, number>) => Object.fromEntries(Object.entries(bytes).map(([k, v]) => [k, round(v / 1048576, 1)]));

async function seed(database: Database): Promise<void> {
  const chunk = 100_000;
  for (let from = 1; from <= ROWS; from += chunk) {
    const to = Math.min(ROWS, from + chunk - 1);
    // Published 8 to 68 days ago, in seq order (older first), as the relay publishes them.
    await sql`INSERT INTO platform.outbox (id, type, aggregate_id, payload, occurred_at, published_at)
              SELECT gen_random_uuid(), 'reservation.confirmed.v1', gen_random_uuid()::text,
                     jsonb_build_object('reservationId', gen_random_uuid(), 'amount', 150000, 'n', i),
                     now() - interval '68 days' + (i * interval '60 days' / ${ROWS}::int),
                     now() - interval '68 days' + (i * interval '60 days' / ${ROWS}::int)
                FROM generate_series(${from}::int, ${to}::int) AS i`.execute(database.db);
    await sql`INSERT INTO platform.inbox (consumer, event_id, handled_at)
              SELECT (ARRAY['notifications.record','settlements.ledger','caregivers.busy-slots','reviews.completed'])[1 + i % 4],
                     gen_random_uuid(), now() - interval '90 days' + (i * interval '59 days' / ${ROWS}::int)
                FROM generate_series(${from}::int, ${to}::int) AS i`.execute(database.db);
    log(`  seeded ${to.toLocaleString()} / ${ROWS.toLocaleString()}`);
  }
  // Survivors: old unpublished outbox rows (the relay has not got them out yet), fresh rows of both tables.
  await sql`INSERT INTO platform.outbox (id, type, aggregate_id, payload, occurred_at, published_at)
            SELECT gen_random_uuid(), 'reservation.confirmed.v1', 'x', '{}'::jsonb, now() - interval '100 days', NULL FROM generate_series(1, 1000)`.execute(database.db);
  await sql`INSERT INTO platform.outbox (id, type, aggregate_id, payload, occurred_at, published_at)
            SELECT gen_random_uuid(), 'reservation.confirmed.v1', 'x', '{}'::jsonb, now(), now() FROM generate_series(1, ${SURVIVORS}::int)`.execute(database.db);
  await sql`INSERT INTO platform.inbox (consumer, event_id, handled_at)
            SELECT 'fresh', gen_random_uuid(), now() FROM generate_series(1, ${SURVIVORS}::int)`.execute(database.db);
  await sql`VACUUM ANALYZE platform.outbox`.execute(database.db);
  await sql`VACUUM ANALYZE platform.inbox`.execute(database.db);
}

/** A handler-like writer on its own connection: one outbox row and one inbox row per transaction, until stopped. */
function startWriter(url: string): { stop: () => Promise<number[]> } {
  const client = new pg.Client({ connectionString: url });
  const latencies: number[] = [];
  let running = true;
  const done = (async () => {
    await client.connect();
    while (running) {
      const t0 = performance.now();
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO platform.outbox (id, type, aggregate_id, payload, occurred_at) VALUES (gen_random_uuid(), 'bench.live.v1', 'a', '{}'::jsonb, now())`,
      );
      await client.query(`INSERT INTO platform.inbox (consumer, event_id) VALUES ('bench.live', gen_random_uuid())`);
      await client.query('COMMIT');
      latencies.push(performance.now() - t0);
      await sleep(2);
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await done;
      return latencies;
    },
  };
}

/** Samples pg_locks every 20 ms: how often some session of the bench database waited for a lock. */
function startLockSampler(url: string): { stop: () => Promise<{ samples: number; samplesWithWaits: number; maxWaiting: number }> } {
  const client = new pg.Client({ connectionString: url });
  let running = true;
  let samples = 0;
  let samplesWithWaits = 0;
  let maxWaiting = 0;
  const done = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()`,
      );
      samples += 1;
      const waiting = rows[0]!.n;
      if (waiting > 0) samplesWithWaits += 1;
      maxWaiting = Math.max(maxWaiting, waiting);
      await sleep(20);
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await done;
      return { samples, samplesWithWaits, maxWaiting };
    },
  };
}

async function main(): Promise<void> {
  const url = await createBenchDatabase(ADMIN_URL, dbName);
  const database = await openPostgres(url, 4);
  try {
    await migrate(database, MIGRATION_SOURCES);
    const version = (await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(database.db)).rows[0]!.v;
    log(`seeding ${ROWS.toLocaleString()} aged outbox rows and ${ROWS.toLocaleString()} aged inbox rows (PostgreSQL ${version})`);
    const s0 = performance.now();
    await seed(database);
    const seedSeconds = round((performance.now() - s0) / 1000, 1);
    const before = await sizes(database);
    log(`sizes before: ${JSON.stringify(mb(before))} MB`);

    const baselineWriter = startWriter(url);
    await sleep(3000);
    const baseline = summary(await baselineWriter.stop());

    // The real worker, its rules timed batch by batch.
    const batchMs: Record<string, number[]> = { 'platform.outbox': [], 'platform.inbox': [] };
    const timed = platformRetentionRules
      .filter((rule) => rule.table in batchMs)
      .map(
        (rule): RetentionRule => ({
          ...rule,
          async prune(db, cutoff, limit) {
            const t0 = performance.now();
            const n = await rule.prune(db, cutoff, limit);
            batchMs[rule.table]!.push(performance.now() - t0);
            return n;
          },
        }),
      );
    const settings = { ...defaultSettings(retentionSettings), batchSize: BATCH, runBudgetMs: 3_600_000 };
    const logger = pino({ level: 'silent' });
    const metrics = new Registry();
    const worker = createRetentionWorker(
      { database, clock: systemClock, logger, metrics, poller: (spec) => createPoller(spec, { logger, metrics }) },
      settings,
      timed,
    );
    const writer = startWriter(url);
    const sampler = startLockSampler(url);
    const p0 = performance.now();
    const run = await worker.runNow();
    const pruneSeconds = round((performance.now() - p0) / 1000, 1);
    const during = summary(await writer.stop());
    const locks = await sampler.stop();
    log(`pruned ${JSON.stringify(run.pruned)} in ${pruneSeconds} s (${run.batches} batches)`);

    const afterPrune = await sizes(database);
    await sql`VACUUM platform.outbox`.execute(database.db);
    await sql`VACUUM platform.inbox`.execute(database.db);
    const afterVacuum = await sizes(database);
    // Plain VACUUM makes the freed space reusable (the table stops growing) but keeps the file; VACUUM FULL
    // (or pg_repack, without its exclusive lock) gives it back: the size the surviving rows need.
    await sql`VACUUM FULL platform.outbox`.execute(database.db);
    await sql`VACUUM FULL platform.inbox`.execute(database.db);
    const afterVacuumFull = await sizes(database);
    const left = (await sql<{ unpublished: number; outbox: number; inbox: number }>`
      SELECT (SELECT count(*)::int FROM platform.outbox WHERE published_at IS NULL AND type <> 'bench.live.v1') AS unpublished,
             (SELECT count(*)::int FROM platform.outbox) AS outbox, (SELECT count(*)::int FROM platform.inbox) AS inbox`.execute(database.db)).rows[0]!;
    const result = {
      date: new Date().toISOString(),
      node: process.version,
      postgres: version,
      rowsPerTable: ROWS,
      batchSize: BATCH,
      seedSeconds,
      pruneSeconds,
      pruned: run.pruned,
      batches: run.batches,
      rowsPerSecond: round((Object.values(run.pruned).reduce((a, b) => a + b, 0) / pruneSeconds) | 0, 0),
      batchMs: Object.fromEntries(Object.entries(batchMs).map(([table, ms]) => [table, summary(ms)])),
      writerMs: { baseline, duringPruning: during },
      lockWaits: locks,
      sizeMB: { before: mb(before), afterPrune: mb(afterPrune), afterVacuum: mb(afterVacuum), afterVacuumFull: mb(afterVacuumFull) },
      survivors: { unpublishedOutbox: left.unpublished, expectedUnpublished: 1000, outboxRows: left.outbox, inboxRows: left.inbox },
    };
    console.log(JSON.stringify(result, null, 2));
    const dir = new URL('./results/', import.meta.url);
    await mkdir(dir, { recursive: true });
    await writeFile(new URL(`retention-${result.date.replace(/[:.]/g, '-')}.json`, dir), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await database.close();
    await dropBenchDatabase(ADMIN_URL, dbName);
  }
}

await main();
