import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// `npm ci` runs this (postinstall) so the first `npm start` of a fresh clone has less to do (decisions 0031, 0035):
// - the web app is built into web/dist once, instead of while the database is created;
// - the embedded database is made once, initdb and every migration, as a template a new DATA_DIR is copied from.
// Nothing to do where the sources are not there yet (the Docker image installs dependencies before it copies
// web/ and src/). It never fails the install: `npm start` builds a missing web app and runs initdb itself.

const root = resolve(import.meta.dirname, '..');

async function buildWeb(): Promise<void> {
  if (!existsSync(resolve(root, 'web', 'index.html')) || !existsSync(resolve(root, 'src', 'web-assets.ts'))) return;
  try {
    const { pino } = await import('pino');
    const { ensureWebAssets } = await import('../src/web-assets.ts');
    if (!(await ensureWebAssets(pino({ level: 'info' })))) console.warn('web app not built now: `npm start` will build it');
  } catch (error) {
    console.warn(`web app not built now (${String(error)}): \`npm start\` will build it`);
  }
}

async function makeDatabaseTemplate(): Promise<void> {
  if (!existsSync(resolve(root, 'src', 'platform', 'db', 'pglite-template.ts'))) return;
  try {
    const { makeTemplate } = await import('../src/platform/db/pglite-template.ts');
    const { MIGRATION_SOURCES } = await import('../src/modules/migrations.ts');
    const { dir, made } = await makeTemplate(MIGRATION_SOURCES);
    console.log(`embedded database template ${made ? 'made' : 'up to date'}: ${dir}`);
  } catch (error) {
    console.warn(`embedded database template not made (${String(error)}): a new DATA_DIR runs initdb itself`);
  }
}

// One after the other: both are CPU-bound, and the web build's child would only compete with initdb.
await buildWeb();
await makeDatabaseTemplate();
