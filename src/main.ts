import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './platform/config.ts';
import { ConfigError, loadSettings, type SettingsOf } from './platform/settings.ts';
import { openPlatform } from './platform/assemble.ts';
import { openDatabase, useWasmBaselineCompiler } from './platform/db/database.ts';
import { migrate } from './platform/db/migrator.ts';
import { loggerOptions } from './platform/observability/logger.ts';
import { buildMetricsServer } from './platform/observability/metrics.ts';
import { resolveSecret } from './platform/secrets.ts';
import { MIGRATION_SOURCES } from './modules/migrations.ts';
import { createModules, startupSettings } from './modules/index.ts';
import { seedDemoData, type DemoLogins } from './demo/seed.ts';
import { ensureWebAssets, WEB_DIST } from './web-assets.ts';
import { backupCommand, restoreCommand } from './platform/backup/cli.ts';
import { lockDataDir } from './platform/backup/data-dir-lock.ts';
import { travellingClock } from './platform/clock.ts';
import { closeOnSignals } from './platform/shutdown.ts';
import { collectGarbage } from './platform/memory.ts';
import { databaseMissing, prepareData, prepareInChild, PREPARE_COMMAND } from './embedded-prepare.ts';
import { requestedModules, serveSplit, splitProblems } from './split-serve.ts';

// `node src/main.ts` serves the platform; `migrate` only applies migrations; `openapi` prints the API document;
// `backup <file>` / `restore <file> [--force]` save and bring back an embedded DATA_DIR (platform/backup).
// `serve --modules identity,caregivers` runs one service of the split behind a gateway (split-serve.ts).

type StartupSettings = SettingsOf<typeof startupSettings>;

/** The platform's config and every module's settings; every bad variable on its own line, then exit 78. */
function readSettings(): StartupSettings {
  try {
    return loadSettings(process.env, startupSettings);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

async function runMigrations(config: Config): Promise<void> {
  const database = await openDatabase(config);
  try {
    const applied = await migrate(database, MIGRATION_SOURCES);
    console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await database.close();
  }
}

function banner(config: Config, port: number, adminSecret: { value: string; source: string }, demo: DemoLogins | undefined): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${host}:${port}`;
  const lines = [
    '',
    '  CareNest is ready',
    `  App        ${base}/`,
    `  API        ${base}/api/v1`,
    `  API docs   ${base}/docs`,
    `  Health     ${base}/health/ready    Metrics ${config.metricsPort ? `http://${host}:${config.metricsPort}` : base}/metrics${config.metricsToken ? ' (bearer METRICS_TOKEN)' : ''}`,
    `  Database   ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`}; cache ${config.redisUrl ? 'Redis' : 'in memory'}; events ${config.kafkaBrokers.length ? 'Kafka' : 'in process'}`,
  ];
  if (adminSecret.source !== 'environment') lines.push(`  Admin signup secret (ADMIN_SIGNUP_SECRET): ${adminSecret.value}`);
  if (demo) {
    lines.push('  Demo logins:');
    const shared = demo.admin.sharedWithGuardians ? " (the guardians' too: loaded by an older version; start on a new DATA_DIR for an admin password of its own)" : '';
    lines.push(`    admin      ${demo.admin.email} / ${demo.admin.password}${shared}`);
    for (const g of demo.guardians) lines.push(`    guardian   ${g.email} / ${g.password}`);
    lines.push(`    caregiver  ${demo.caregivers[0]?.email ?? '-'} / ${demo.caregivers[0]?.password ?? '-'} (and ${demo.caregivers.length - 1} more)`);
  }
  return `${lines.join('\n')}\n`;
}

/** Start-up steps for the ready log line: when each ended (ms since the process started) and the memory then. */
function startupSteps(): { mark(step: string): void; readonly steps: Record<string, { atMs: number; rssMb: number; heapMb: number; externalMb: number }> } {
  const steps: Record<string, { atMs: number; rssMb: number; heapMb: number; externalMb: number }> = {};
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  return {
    steps,
    mark(step) {
      const memory = process.memoryUsage();
      steps[step] = { atMs: Math.round(performance.now()), rssMb: mb(memory.rss), heapMb: mb(memory.heapUsed), externalMb: mb(memory.external) };
    },
  };
}

async function serve({ config, modules: settings }: StartupSettings): Promise<void> {
  const startedAt = performance.now();
  const startup = startupSteps();
  startup.mark('imports');
  const logger = pino(loggerOptions(config.logLevel));
  if (config.databaseUrl && !process.env.JWT_SECRET) {
    logger.warn('JWT_SECRET is not set: it is generated into DATA_DIR; replicas must share one, so set it when running several');
  }
  // Embedded: this process owns DATA_DIR (a second server or a direct backup would corrupt PGlite); `backup` asks it for snapshots.
  const dataDirLock = config.databaseUrl ? undefined : await lockDataDir(config.dataDir, 'server').catch((error: Error) => {
    logger.fatal(error.message);
    process.exit(1);
  });
  // The web app builds (when web/dist is missing or stale) in a child process while the database opens and the demo loads.
  const webBuild = config.serveWeb ? ensureWebAssets(logger) : Promise.resolve(false);
  const jwtSecret = await resolveSecret(config.jwtSecret, config.dataDir, 'jwt-secret');
  const adminSecret = await resolveSecret(config.adminSignupSecret, config.dataDir, 'admin-signup-secret');
  // A new embedded DATA_DIR is created and the demo loaded in a child process that exits first (embedded-prepare.ts).
  if (dataDirLock && (await databaseMissing(config.dataDir))) {
    await prepareInChild(logger).catch((error: Error) => {
      logger.fatal(error.message);
      process.exit(1);
    });
    startup.mark('prepare');
  }
  // The demo seeder books past weeks of care through the use cases, on this clock sent back in time (src/demo/demo-history.ts).
  const clock = travellingClock();
  if (!config.databaseUrl) useWasmBaselineCompiler();
  const running = await openPlatform({ config, logger, migrations: MIGRATION_SOURCES, clock });
  if (!config.databaseUrl) collectGarbage(); // initdb's heap and PGlite's unpacked bundle are garbage now
  startup.mark('database');
  if (dataDirLock && running.platform.database.dump) await dataDirLock.serveSnapshots(running.platform.database.dump);
  const modules = createModules(running.platform, { jwtSecret: jwtSecret.value, adminSignupSecret: adminSecret.value }, settings);
  await running.start(modules.consumers, modules.workers);
  const demo = config.demoData ? await seedDemoData(running.platform, modules, { dataDir: config.dataDir, adminSignupSecret: adminSecret.value, clock }) : undefined;
  startup.mark('demo');
  const web = await webBuild;
  // What opening PGlite and loading the demo left behind is mostly outside V8's heap: give it back now (decision 0031).
  if (!config.databaseUrl) collectGarbage();
  startup.mark('web');
  const app = await buildApp({
    platform: running.platform,
    modules: modules.modules,
    verifyAccessToken: modules.verifyAccessToken,
    ...(web ? { webRoot: WEB_DIST } : {}),
  });
  // METRICS_PORT: /metrics on a port of its own (e.g. reachable only from the monitoring network).
  const metricsServer = config.metricsPort ? buildMetricsServer(running.platform.metrics, { token: config.metricsToken, logLevel: config.logLevel }) : undefined;

  closeOnSignals(logger, 'shutting down: draining HTTP, then closing pools', async () => {
    await app.close();
    await metricsServer?.close();
    await running.close();
    await dataDirLock?.release();
  });

  await app.listen({ port: config.port, host: config.host });
  if (metricsServer) await metricsServer.listen({ port: config.metricsPort, host: config.host });
  startup.mark('listen');
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
  logger.info({ startupSeconds: Number(seconds), rssMb: Math.round(process.memoryUsage().rss / 1048576), steps: startup.steps }, 'ready');
  const { port } = app.server.address() as { port: number };
  process.stdout.write(banner(config, port, adminSecret, demo));
}

/** `serve` runs every module in this process; `serve --modules a,b` (or MODULES) one service of the split (split-serve.ts). */
async function serveOneOrSplit(argv: readonly string[]): Promise<void> {
  const modules = requestedModules(argv, process.env);
  const settings = readSettings();
  if (!modules) return serve(settings);
  const problems = splitProblems(settings.config, modules);
  if (problems.length > 0) {
    console.error(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(78); // EX_CONFIG
  }
  await serveSplit(settings, modules);
}

/** Prints the OpenAPI document (what /docs/json serves) without listening: the web client is generated from it. */
async function printOpenApi(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'carenest-openapi-'));
  try {
    const scratch = loadSettings({ DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'silent', SERVE_WEB: 'false' }, startupSettings);
    const running = await openPlatform({ config: scratch.config, logger: pino({ level: 'silent' }), migrations: MIGRATION_SOURCES });
    const modules = createModules(running.platform, { jwtSecret: 'openapi-only', adminSignupSecret: 'openapi-only' }, scratch.modules);
    const app = await buildApp({ platform: running.platform, modules: modules.modules, verifyAccessToken: modules.verifyAccessToken });
    await app.ready();
    process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
    await app.close();
    await running.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const command = process.argv[2] ?? 'serve';
if (command === 'migrate') await runMigrations(readSettings().config);
else if (command === 'serve' || command.startsWith('--modules')) await serveOneOrSplit(process.argv.slice(2));
else if (command === 'gateway') await (await import('./gateway/main.ts')).runGateway(process.argv.slice(3), process.env);
else if (command === 'openapi') await printOpenApi();
else if (command === PREPARE_COMMAND) process.exit(await prepareData(readSettings()));
else if (command === 'backup') process.exit(await backupCommand(process.argv.slice(3), process.env));
else if (command === 'restore') process.exit(await restoreCommand(process.argv.slice(3), process.env));
else {
  console.error(`unknown command "${command}": use serve (default), gateway, migrate, openapi, backup <file> or restore <file> [--force]`);
  process.exit(64);
}
