import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate } from '../../src/platform/db/migrator.ts';
import { ConfigError, loadSettings } from '../../src/platform/settings.ts';
import { MODULE_MANIFESTS, startupSettings } from '../../src/modules/index.ts';
import { MIGRATION_SOURCES } from '../../src/modules/migrations.ts';
import { databaseKinds, openTestDatabase } from '../support/database.ts';

// What start-up takes from the module manifests: every module's settings (src/modules/<m>/settings.ts), read
// with the platform's in one pass, and every module's migrations (db/migrations), after the platform's.

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadSettings(env, startupSettings);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('start-up settings', () => {
  it('has a working default for every module setting in embedded mode', () => {
    const { config, modules } = loadSettings({}, startupSettings);
    expect(config.port).toBe(3000);
    expect(modules).toMatchObject({
      identity: { accessTokenTtlMs: 15 * 60_000, refreshTokenTtlMs: 14 * 86_400_000, loginMaxFailures: 5, loginFailureWindowMs: 15 * 60_000 },
      caregivers: { topCacheTtlMs: 60_000 },
      reservations: {
        requestTtlMs: 86_400_000,
        paymentTtlMs: 86_400_000,
        checkinOpensBeforeMs: 3_600_000,
        autoCompleteAfterMs: 6 * 3_600_000,
        bookingWindow: { minLeadMs: 3_600_000 },
        pricing: { nightSurchargeRate: 0.2, holidaySurchargeRate: 0.3 },
      },
      payments: { provider: 'sandbox', tossApiUrl: 'https://api.tosspayments.com' },
      notifications: { slackBotToken: undefined, slackApiUrl: undefined },
      ai: { provider: 'rules', geminiModel: 'gemini-flash-latest' },
      settlements: { commissionRate: 0.1, schedule: 'off' },
    });
  });

  it("hands each module its own variables", () => {
    const { modules } = loadSettings(
      {
        LOGIN_MAX_FAILURES: '3',
        TOP_CACHE_TTL: '0s',
        RESERVATION_MIN_LEAD: '2h',
        PAYMENT_PROVIDER: 'toss',
        TOSS_SECRET_KEY: 'test_sk',
        TOSS_CLIENT_KEY: 'test_ck',
        SLACK_BOT_TOKEN: 'xoxb-1',
        AI_PROVIDER: 'gemini',
        GEMINI_API_KEY: 'k',
        PLATFORM_COMMISSION_RATE: '0.15',
      },
      startupSettings,
    );
    expect(modules.identity.loginMaxFailures).toBe(3);
    expect(modules.caregivers.topCacheTtlMs).toBe(0);
    expect(modules.reservations.bookingWindow.minLeadMs).toBe(7_200_000);
    expect(modules.payments).toMatchObject({ provider: 'toss', tossSecretKey: 'test_sk', tossClientKey: 'test_ck' });
    expect(modules.notifications.slackBotToken).toBe('xoxb-1');
    expect(modules.ai).toMatchObject({ provider: 'gemini', geminiApiKey: 'k' });
    expect(modules.settlements.commissionRate).toBe(0.15);
  });

  it('reports every bad variable of the platform and the modules at once, one line each, without leaking passwords', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://root:hunter2@db/x',
      RESERVATION_REQUEST_TTL: '1 day',
      PLATFORM_COMMISSION_RATE: '10%',
      PAYMENT_PROVIDER: 'toss',
      STORAGE: 's3',
      KAFKA_BROKERS: 'localhost:9092,nope',
      JWT_SECRET: 'short',
      DEMO_DATA: 'maybe',
      AI_PROVIDER: 'openai',
      TOP_CACHE_TTL: 'soon',
    });
    expect(problems).toHaveLength(12);
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems).toContain('PORT must be an integer between 0 and 65535 (got "eighty")');
    expect(problems).toContain('RESERVATION_REQUEST_TTL must be a duration like 90s, 15m, 24h or 14d (got "1 day")');
    expect(problems).toContain('PLATFORM_COMMISSION_RATE must be a fraction between 0 and 1, like 0.10 (got "10%")');
    expect(problems).toContain('PAYMENT_PROVIDER=toss needs TOSS_SECRET_KEY and TOSS_CLIENT_KEY');
    expect(problems).toContain('AI_PROVIDER=openai needs OPENAI_BASE_URL and OPENAI_MODEL');
    expect(problems).toContain('TOP_CACHE_TTL must be a duration like 90s, 15m, 24h or 14d (got "soon")');
    expect(problems).toContain('STORAGE=s3 needs S3_BUCKET');
  });

  it('stops `node src/main.ts` with status 78 and one line per bad variable, platform and module alike', async () => {
    const run = promisify(execFile);
    const failure = await run(process.execPath, [MAIN, 'migrate'], {
      env: { PATH: process.env.PATH ?? '', RESERVATION_REQUEST_TTL: 'abc', PORT: 'x', DATA_DIR: '/nonexistent/never-created' },
    }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(78);
    expect(failure?.stderr).toContain('  - PORT must be an integer between 0 and 65535 (got "x")\n');
    expect(failure?.stderr).toContain('  - RESERVATION_REQUEST_TTL must be a duration like 90s, 15m, 24h or 14d (got "abc")\n');
  });

  it('refuses to start outside embedded mode without an explicit PAYMENT_PROVIDER (status 78, naming it)', async () => {
    const DATABASE_URL = 'postgres://postgres@127.0.0.1:1/never-connected';
    expect(problemsOf({ DATABASE_URL })).toEqual([expect.stringMatching(/^PAYMENT_PROVIDER is required with DATABASE_URL/)]);
    expect(problemsOf({ DATABASE_URL, PAYMENT_PROVIDER: 'sandbox' })).toEqual([]);
    expect(problemsOf({})).toEqual([]);
    const run = promisify(execFile);
    const failure = await run(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL, DATA_DIR: '/nonexistent/never-created' },
    }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(78);
    expect(failure?.stderr).toContain('  - PAYMENT_PROVIDER is required with DATABASE_URL');
  });
});

describe.each(databaseKinds())('start-up migrations on %s', (kind) => {
  it("are the platform's, then each manifest's in order, all applied by the template: applying again changes nothing", async () => {
    expect(MIGRATION_SOURCES.map((source) => source.module)).toEqual([
      'platform',
      ...MODULE_MANIFESTS.flatMap((manifest) => (manifest.migrations ? [manifest.name] : [])),
    ]);
    expect(MIGRATION_SOURCES.map((source) => source.module)).toEqual(['platform', 'identity', 'caregivers', 'reservations', 'payments', 'notifications', 'reviews', 'settlements', 'ai', 'chat']);
    const database = await openTestDatabase(kind);
    try {
      expect(await migrate(database, MIGRATION_SOURCES)).toEqual([]);
      const rows = await sql<{ module: string }>`SELECT DISTINCT module FROM platform.schema_migrations`.execute(database.db);
      expect(new Set(rows.rows.map((r) => r.module))).toEqual(new Set(MIGRATION_SOURCES.map((source) => source.module)));
    } finally {
      await database.close();
    }
  });
});
