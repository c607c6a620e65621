import { createHash } from 'node:crypto';
import { access, cp, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite, PGLITE_EXTENSIONS, PGLITE_SETTINGS } from './database.ts';
import { listMigrations, migrate, type MigrationSource } from './migrator.ts';

// An embedded database made at install time (decision 0035). A new DATA_DIR used to start with PGlite's initdb
// and every migration: 3-8 s of the first `npm start`, the same work on every machine. `npm ci` (postinstall)
// now makes that database once, migrated and empty, under node_modules/.cache; a new DATA_DIR starts as a copy
// of it (41 MB, well under a second). It holds no data and no secret: accounts, demo data and secrets
// (DATA_DIR/secrets) are made per DATA_DIR afterwards, as before.
// A template belongs to one PGlite version, one set of settings and extensions and one set of migration files:
// their hash names it, so a template made before any of them changed is never used (initdb runs, as before).

/** Where install-time templates live: beside the dependencies they were made with (`npm ci` starts it afresh). */
export const TEMPLATE_ROOT = resolve(import.meta.dirname, '..', '..', '..', 'node_modules', '.cache', 'carenest');
const PREFIX = 'pglite-';

/** The hash naming a template: PGlite's version, its settings and extensions, every migration's module, name and text. */
export async function templateKey(sources: readonly MigrationSource[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`pglite ${await pgliteVersion()}\n${PGLITE_SETTINGS.join(' ')}\n${Object.keys(PGLITE_EXTENSIONS).join(' ')}\n`);
  for (const source of sources) {
    for (const file of await listMigrations(source)) hash.update(`${source.module}/${file.name}\n`).update(await readFile(file.path));
  }
  return hash.digest('hex').slice(0, 16);
}

/** PGlite's installed version, from its package.json (not exported: found above its entry point). */
async function pgliteVersion(): Promise<string> {
  for (let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = await readFile(join(dir, 'package.json'), 'utf8').then((text) => JSON.parse(text) as { name?: string; version?: string }, () => undefined);
    if (manifest?.name === '@electric-sql/pglite' && manifest.version) return manifest.version;
  }
  throw new Error("PGlite's package.json not found");
}

/** Whether a PGlite data directory holds a database (PostgreSQL writes PG_VERSION first thing in initdb). */
export function holdsDatabase(dir: string): Promise<boolean> {
  return exists(join(dir, 'PG_VERSION'));
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Makes the template for these migrations unless it is there already; removes templates of other keys.
 * Built in a directory of its own and renamed into place, so a template that exists is complete.
 */
export async function makeTemplate(sources: readonly MigrationSource[], root: string = TEMPLATE_ROOT): Promise<{ dir: string; made: boolean }> {
  const key = await templateKey(sources);
  const dir = join(root, PREFIX + key);
  if (await holdsDatabase(dir)) return { dir, made: false };
  await mkdir(root, { recursive: true });
  const building = join(root, `building-${process.pid}-${key}`);
  await rm(building, { recursive: true, force: true });
  try {
    const database = await openPglite(building);
    try {
      await migrate(database, sources);
    } finally {
      await database.close();
    }
    // Another install may have finished first: its template is as good as ours.
    await rename(building, dir).catch(async (error: unknown) => {
      if (!(await holdsDatabase(dir))) throw error;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  for (const name of await readdir(root)) {
    if (name.startsWith(PREFIX) && name !== PREFIX + key) await rm(join(root, name), { recursive: true, force: true });
  }
  return { dir, made: true };
}

/**
 * Copies the template for these migrations into `target`, a PGlite data directory that does not exist yet;
 * false when there is none for them (never made, or made for other migrations or another PGlite) or when
 * `target` is there already. Copied beside it and renamed into place: a copy cut short is never opened.
 */
export async function copyTemplate(target: string, sources: readonly MigrationSource[], root: string = TEMPLATE_ROOT): Promise<boolean> {
  const dir = join(root, PREFIX + (await templateKey(sources)));
  if (!(await holdsDatabase(dir)) || (await exists(target))) return false;
  const copying = `${target}.copying`;
  await rm(copying, { recursive: true, force: true });
  try {
    await cp(dir, copying, { recursive: true });
    await rename(copying, target);
    return true;
  } catch {
    return false;
  } finally {
    await rm(copying, { recursive: true, force: true });
  }
}
