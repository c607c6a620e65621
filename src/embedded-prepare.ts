import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import type { SettingsOf } from './platform/settings.ts';
import { openPlatform } from './platform/assemble.ts';
import { lockOwner } from './platform/backup/data-dir-lock.ts';
import { pgliteDataDir } from './platform/db/database.ts';
import { copyTemplate, holdsDatabase } from './platform/db/pglite-template.ts';
import { travellingClock } from './platform/clock.ts';
import { loggerOptions } from './platform/observability/logger.ts';
import { resolveSecret } from './platform/secrets.ts';
import { MIGRATION_SOURCES } from './modules/migrations.ts';
import { createModules, startupSettings } from './modules/index.ts';
import { seedDemoData } from './demo/seed.ts';

// A fresh embedded DATA_DIR is prepared in a short-lived child process: PGlite's initdb, the migrations and the
// demo data (history included) run there, then the child exits and the server opens the prepared database.
// Creating a database leaves ~200 MB behind in the process that did it (initdb's heap, the unpacked file-system
// bundle, malloc arenas that are never trimmed, a WebAssembly heap that never shrinks): the server then holds what
// a restart on an existing DATA_DIR holds (docs/decisions/0031-embedded-footprint.md). The server keeps the
// DATA_DIR lock throughout; the child only runs for the lock's owner (its parent) and takes no snapshot requests,
// so `backup` during that time answers "starting? try again" and `restore` refuses, as before.

export const PREPARE_COMMAND = 'prepare-data';
const MAIN = resolve(import.meta.dirname, 'main.ts');

/** Whether DATA_DIR holds no embedded database yet. */
export async function databaseMissing(dataDir: string): Promise<boolean> {
  return !(await holdsDatabase(pgliteDataDir(dataDir)));
}

/** Runs `main.ts prepare-data` with this process's node flags and environment; resolves when it exited 0. */
export async function prepareInChild(logger: Logger): Promise<void> {
  logger.info('new DATA_DIR: creating the database and loading the demo data in a child process');
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [...process.execArgv, MAIN, PREPARE_COMMAND], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (error) => {
      logger.error({ err: error }, 'could not start the DATA_DIR preparation');
      done(-1);
    });
    child.once('exit', (exitCode) => done(exitCode));
  });
  if (code !== 0) throw new Error(`preparing DATA_DIR failed in the child process (exit ${code}): see its log above`);
}

/** The child's work: what `serve` does up to the demo data, then close. Only for the server that holds DATA_DIR. */
export async function prepareData({ config, modules: settings }: SettingsOf<typeof startupSettings>): Promise<number> {
  const logger = pino(loggerOptions(config.logLevel)).child({ step: PREPARE_COMMAND });
  if (config.databaseUrl) {
    logger.error('prepare-data is for the embedded database (DATABASE_URL is set)');
    return 64;
  }
  const owner = await lockOwner(config.dataDir);
  if (owner?.pid !== process.ppid) {
    logger.error(`prepare-data runs only as the child of the server that holds ${config.dataDir}: use \`npm start\``);
    return 64;
  }
  // Stopped with its server: once that is gone, a new server may take DATA_DIR over and must not find us writing.
  const server = process.ppid;
  setInterval(() => {
    if (process.ppid === server) return;
    logger.error('the server that started prepare-data is gone: stopping');
    process.exit(1);
  }, 250).unref();
  const jwtSecret = await resolveSecret(config.jwtSecret, config.dataDir, 'jwt-secret');
  const adminSecret = await resolveSecret(config.adminSignupSecret, config.dataDir, 'admin-signup-secret');
  // initdb and the migrations were done once at install (`npm ci`): a copy of that database is a second's work.
  if (await copyTemplate(pgliteDataDir(config.dataDir), MIGRATION_SOURCES)) logger.info('database copied from the install-time template');
  else logger.info('no install-time database template for these migrations (`npm ci` makes it): running initdb');
  const clock = travellingClock();
  const running = await openPlatform({ config, logger, migrations: MIGRATION_SOURCES, clock });
  try {
    const modules = createModules(running.platform, { jwtSecret: jwtSecret.value, adminSignupSecret: adminSecret.value }, settings);
    await running.start(modules.consumers, modules.workers);
    if (config.demoData) await seedDemoData(running.platform, modules, { dataDir: config.dataDir, adminSignupSecret: adminSecret.value, clock });
  } finally {
    await running.close();
  }
  return 0;
}
