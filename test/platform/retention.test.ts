import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createPoller } from '../../src/platform/poller.ts';
import { platformRetentionRules } from '../../src/platform/retention/platform-rules.ts';
import { createRetentionWorker, RETENTION_LOCK, type RetentionRule } from '../../src/platform/retention/retention.ts';
import { retentionSettings, type RetentionSettings } from '../../src/platform/retention/settings.ts';
import { defaultSettings, loadSettings } from '../../src/platform/settings.ts';
import { databaseKinds, openTestDatabase } from '../support/database.ts';

// The retention worker and the platform's own rules, on PGlite and (with DATABASE_URL) PostgreSQL: the
// clock moves past each period and each rule deletes what is due, and nothing a consumer still needs.

const DAY = 86_400_000;
const START = new Date('2026-01-01T00:00:00Z');

function worker(database: Database, clock: ReturnType<typeof fixedClock>, settings: RetentionSettings, rules: readonly RetentionRule[], metrics = new Registry()) {
  const logger = pino({ level: 'silent' });
  return createRetentionWorker(
    { database, clock, logger, metrics, poller: (spec) => createPoller(spec, { logger, metrics }) },
    settings,
    rules,
  );
}

async function count(database: Database, table: string, where = sql`true`): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE ${where}`.execute(database.db);
  return rows[0]!.n;
}

async function addOutbox(database: Database, at: Date, published: boolean): Promise<void> {
  await sql`INSERT INTO platform.outbox (id, type, aggregate_id, payload, occurred_at, published_at)
            VALUES (${randomUUID()}, 'test.aged.v1', 'a', '{}'::jsonb, ${at}, ${published ? at : null})`.execute(database.db);
}

describe.each(databaseKinds())('retention worker (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('reads its periods from the environment, years included', () => {
    const settings = loadSettings({ RETENTION_PAYMENT_RECORDS: '10y', RETENTION_OUTBOX_PUBLISHED: '3d' }, retentionSettings);
    expect(settings.periods.paymentRecords).toBe(10 * 365 * DAY);
    expect(settings.periods.outboxPublished).toBe(3 * DAY);
    expect(defaultSettings(retentionSettings).periods.auditLog).toBe(2 * 365 * DAY);
    expect(() => loadSettings({ RETENTION_AUDIT_LOG: 'forever' }, retentionSettings)).toThrow(/RETENTION_AUDIT_LOG must be a duration/);
  });

  it('prunes each platform table once its period has passed, in batches, and keeps what is not yet handled', async () => {
    const clock = fixedClock(START);
    const settings = { ...defaultSettings(retentionSettings), batchSize: 2 };
    const metrics = new Registry();
    const retention = worker(database, clock, settings, platformRetentionRules, metrics);
    const old = new Date(START.getTime() - 400 * DAY);
    for (let i = 0; i < 5; i++) await addOutbox(database, old, true);
    await addOutbox(database, old, false); // never published: survives any age
    await addOutbox(database, START, true);
    for (let i = 0; i < 3; i++) {
      await sql`INSERT INTO platform.inbox (consumer, event_id, handled_at) VALUES ('test.c', ${randomUUID()}, ${old})`.execute(database.db);
    }
    await sql`INSERT INTO platform.inbox (consumer, event_id, handled_at) VALUES ('test.c', ${randomUUID()}, ${START})`.execute(database.db);
    await sql`INSERT INTO platform.idempotency_keys (scope, key, request_hash, created_at) VALUES ('s', 'old', 'h', ${old}), ('s', 'new', 'h', ${START})`.execute(database.db);
    await sql`INSERT INTO platform.dead_letters (consumer, event_id, type, event, error, failed_at)
              VALUES ('test.c', ${randomUUID()}, 't', '{}'::jsonb, 'boom', ${old})`.execute(database.db);
    await sql`INSERT INTO platform.audit_log (action, resource_type, resource_id, at) VALUES ('a', 'r', '1', ${old}), ('a', 'r', '2', ${new Date(START.getTime() - 800 * DAY)})`.execute(database.db);

    const first = await retention.runNow();
    expect(first.ran).toBe(true);
    expect(first.pruned).toMatchObject({
      'platform.outbox': 5,
      'platform.inbox': 3,
      'platform.idempotency_keys': 1,
      'platform.dead_letters': 1,
      'platform.audit_log': 1, // 800 days old; the 400-day one is within the 2 years
    });
    expect(first.batches).toBeGreaterThanOrEqual(3 + 2 + 1 + 1 + 1);
    expect(await count(database, 'platform.outbox', sql`published_at IS NULL`)).toBe(1);
    expect(await count(database, 'platform.outbox')).toBe(2);
    expect(await count(database, 'platform.inbox')).toBe(1);
    expect(await count(database, 'platform.audit_log')).toBe(1);

    // Time passes: what was young is due now; the unpublished row still waits for the relay.
    clock.advance(800 * DAY);
    const later = await retention.runNow();
    expect(later.pruned).toMatchObject({ 'platform.outbox': 1, 'platform.inbox': 1, 'platform.idempotency_keys': 1, 'platform.audit_log': 1 });
    expect(await count(database, 'platform.outbox', sql`published_at IS NULL`)).toBe(1);
    expect(await count(database, 'platform.inbox')).toBe(0);

    const exposition = await metrics.metrics();
    expect(exposition).toMatch(/retention_rows_pruned_total\{table="platform.outbox",action="delete"\} 6/);
    expect(exposition).toMatch(/retention_oldest_overdue_seconds\{table="platform.inbox"\} 0/);
    await sql`DELETE FROM platform.outbox`.execute(database.db);
  });

  it('reports the lag behind the policy when a run leaves due rows behind', async () => {
    const clock = fixedClock(START);
    const settings = { ...defaultSettings(retentionSettings), batchSize: 1, runBudgetMs: 0 };
    const metrics = new Registry();
    const retention = worker(database, clock, settings, platformRetentionRules.filter((r) => r.table === 'platform.inbox'), metrics);
    const old = new Date(START.getTime() - 40 * DAY);
    for (let i = 0; i < 3; i++) {
      await sql`INSERT INTO platform.inbox (consumer, event_id, handled_at) VALUES ('test.lag', ${randomUUID()}, ${old})`.execute(database.db);
    }
    const run = await retention.runNow();
    expect(run.pruned['platform.inbox']).toBe(1); // the budget stopped it after one batch
    const lag = await metrics.getSingleMetric('retention_oldest_overdue_seconds')!.get();
    expect(lag.values.find((v) => v.labels.table === 'platform.inbox')?.value).toBe(10 * 86_400); // 40 days old, 30 allowed
    await sql`DELETE FROM platform.inbox`.execute(database.db);
  });

  it('goes on with the other rules when one fails', async () => {
    const clock = fixedClock(START);
    const broken: RetentionRule = {
      table: 'test.broken',
      policy: 'deadLetters',
      action: 'delete',
      prune: () => Promise.reject(new Error('no such table')),
      oldest: () => Promise.resolve(undefined),
    };
    await addOutbox(database, new Date(START.getTime() - 30 * DAY), true);
    const metrics = new Registry();
    const run = await worker(database, clock, defaultSettings(retentionSettings), [broken, platformRetentionRules[0]!], metrics).runNow();
    expect(run.pruned['platform.outbox']).toBe(1);
    expect(await metrics.metrics()).toMatch(/retention_errors_total\{table="test.broken"\} 1/);
  });

  if (kind === 'postgres') {
    it('runs on one replica at a time: a run finding the lock taken does nothing', async () => {
      const clock = fixedClock(START);
      await addOutbox(database, new Date(START.getTime() - 30 * DAY), true);
      const other = new pg.Client({ connectionString: await databaseUrlOf(database) });
      await other.connect();
      try {
        await other.query('SELECT pg_advisory_lock($1)', [RETENTION_LOCK]);
        const skipped = await worker(database, clock, defaultSettings(retentionSettings), platformRetentionRules).runNow();
        expect(skipped).toEqual({ ran: false, pruned: {}, batches: 0 });
        expect(await count(database, 'platform.outbox')).toBe(1);
        await other.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK]);
        const ran = await worker(database, clock, defaultSettings(retentionSettings), platformRetentionRules).runNow();
        expect(ran.pruned['platform.outbox']).toBe(1);
      } finally {
        await other.end();
      }
    });

    it('skips rows another transaction holds (a handler mid-way) instead of waiting for them', async () => {
      const clock = fixedClock(START);
      const old = new Date(START.getTime() - 60 * DAY);
      const held = randomUUID();
      await sql`INSERT INTO platform.inbox (consumer, event_id, handled_at) VALUES ('test.held', ${held}, ${old}), ('test.held', ${randomUUID()}, ${old})`.execute(database.db);
      const other = new pg.Client({ connectionString: await databaseUrlOf(database) });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query(`SELECT 1 FROM platform.inbox WHERE event_id = $1 FOR UPDATE`, [held]);
        const run = await worker(database, clock, defaultSettings(retentionSettings), platformRetentionRules).runNow();
        expect(run.pruned['platform.inbox']).toBe(1);
        await other.query('COMMIT');
        expect(await count(database, 'platform.inbox', sql`event_id = ${held}`)).toBe(1);
      } finally {
        await other.end();
      }
    });
  }
});

/** The URL of the test's own PostgreSQL database (a copy of the template). */
async function databaseUrlOf(database: Database): Promise<string> {
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${rows[0]!.name}`;
  return url.toString();
}
